package io.urbanhub.shell.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.urbanhub.api.admin.DeviceAdmin;

@Service
@Command(scope = "hub", name = "device-import", description = "Registers the devices of a CSV file "
        + "(deviceId,deviceType,tenant,entityType,localId,longitude,latitude,name); bad rows are listed and skipped.")
public class DeviceImportCommand implements Action {

    @Reference
    DeviceAdmin registry;

    @Argument(index = 0, name = "file", required = true, description = "The CSV file, UTF-8 with a header line")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        DeviceAdmin.ImportResult result;
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            result = registry.importCsv(csv);
        }
        result.problems().forEach(problem -> System.out.println("Skipped " + problem));
        System.out.println(result.imported() + " devices registered" + (result.problems().isEmpty() ? ""
                : ", " + result.problems().size() + " rows skipped"));
        return null;
    }
}
