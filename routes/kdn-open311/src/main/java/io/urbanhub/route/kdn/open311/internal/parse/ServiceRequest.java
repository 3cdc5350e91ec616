package io.urbanhub.route.kdn.open311.internal.parse;

/** One GeoReport v2 service request, its fields as the server sent them; absent and empty fields are null. */
public record ServiceRequest(String serviceRequestId, String token, String status, String statusNotes, String serviceName,
                             String serviceCode, String description, String agencyResponsible, String requestedDatetime,
                             String updatedDatetime, String expectedDatetime, String address, String zipcode,
                             Double lat, Double lon, String mediaUrl) {
}
