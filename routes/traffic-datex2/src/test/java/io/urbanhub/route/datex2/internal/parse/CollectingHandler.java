package io.urbanhub.route.datex2.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader hands over, for assertions. */
final class CollectingHandler implements Datex2Handler {

    final List<Publication> publications = new ArrayList<>();
    final List<ParkingSite> parkingSites = new ArrayList<>();
    final List<ParkingStatus> parkingStatuses = new ArrayList<>();
    final List<MeasurementSite> measurementSites = new ArrayList<>();
    final List<TrafficFlow> trafficFlows = new ArrayList<>();

    static CollectingHandler readResource(String name) throws Datex2Exception {
        CollectingHandler handler = new CollectingHandler();
        try (InputStream in = CollectingHandler.class.getResourceAsStream("/datex2/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Datex2Reader.read(in, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handler;
    }

    ParkingStatus status(String siteId) {
        return parkingStatuses.stream().filter(s -> siteId.equals(s.siteId())).findFirst().orElseThrow();
    }

    ParkingSite site(String id) {
        return parkingSites.stream().filter(s -> id.equals(s.id())).findFirst().orElseThrow();
    }

    @Override
    public void publication(Publication publication) {
        publications.add(publication);
    }

    @Override
    public void parkingSite(ParkingSite site) {
        parkingSites.add(site);
    }

    @Override
    public void parkingStatus(ParkingStatus status) {
        parkingStatuses.add(status);
    }

    @Override
    public void measurementSite(MeasurementSite site) {
        measurementSites.add(site);
    }

    @Override
    public void trafficFlow(TrafficFlow flow) {
        trafficFlows.add(flow);
    }
}
