package io.urbanhub.codecs.internal.commands;

import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import io.urbanhub.codecs.internal.CodecCatalog;
import io.urbanhub.codecs.internal.CodecExample;
import io.urbanhub.codecs.internal.CodecExamples;
import io.urbanhub.codecs.internal.CodecState;
import io.urbanhub.codecs.internal.ExampleCheck;
import io.urbanhub.codecs.internal.JavaScriptCodec;

@Service
@Command(scope = "hub", name = "codec-check",
        description = "Runs the examples of a device-repository *-codec.yaml through a loaded codec and shows what differs.")
public class CodecCheckCommand implements Action {

    @Reference
    CodecCatalog catalog;

    @Argument(index = 0, name = "deviceType", required = true, description = "The codec's device type (its file name without .js)")
    @Completion(DeviceTypeCompleter.class)
    String deviceType;

    @Argument(index = 1, name = "examples", required = true, description = "The codec's *-codec.yaml on the hub's machine; a relative path starts at the Karaf folder")
    @Completion(FileCompleter.class)
    String examples;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() throws Exception {
        CodecState state = catalog.codec(deviceType)
                .orElseThrow(() -> new IllegalArgumentException("No codec for device type " + deviceType + " in the codec folder"));
        JavaScriptCodec codec = state.codec()
                .orElseThrow(() -> new IllegalStateException("Codec " + state.codecFile() + " is not loaded: " + state.reason()));
        List<CodecExample> read = CodecExamples.read(Path.of(System.getProperty("karaf.base", "")).resolve(examples));
        ShellTable table = new ShellTable();
        table.column("Example");
        table.column("Result");
        table.column("Differences");
        int passed = 0;
        for (CodecExample example : read) {
            ExampleCheck.Result result = ExampleCheck.run(codec, example);
            passed += result.passed() ? 1 : 0;
            table.addRow().addContent(example.description(), result.passed() ? "PASS" : "FAIL", String.join("; ", result.differences()));
        }
        table.print(System.out, !noFormat);
        System.out.println(passed + " of " + read.size() + " examples passed");
        return null;
    }
}
