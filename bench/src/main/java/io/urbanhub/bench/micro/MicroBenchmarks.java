package io.urbanhub.bench.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.urbanhub.bench.StoreBenchmark;

/**
 * The micro-benchmarks of the decoders, the ChirpStack uplink path and the NGSI-LD mapping, with JMH. Writes JMH's
 * JSON to {@code ${bench.report}/micro.json} and a Markdown table to {@code ${bench.report}/micro.md}.
 */
public final class MicroBenchmarks {

    private static final List<Class<?>> BENCHMARKS = List.of(DecoderBenchmark.class, UplinkPipelineBenchmark.class,
            NgsiLdMappingBenchmark.class);

    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int forks = Integer.getInteger("bench.micro.forks", 1);
        int warmups = Integer.getInteger("bench.micro.warmups", 2);
        int iterations = Integer.getInteger("bench.micro.iterations", 3);
        int seconds = Integer.getInteger("bench.micro.seconds", 2);
        Path reportDir = Path.of(System.getProperty("bench.report", "target/bench-report"));
        Files.createDirectories(reportDir);

        OptionsBuilder builder = new OptionsBuilder();
        for (Class<?> benchmark : BENCHMARKS) {
            // include() takes a regular expression; quoted so that only this class's methods match
            builder.include("^" + Pattern.quote(benchmark.getName() + ".") + ".*");
        }
        Options options = builder
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                // the class path holds several SLF4J providers (Karaf's client embeds one): name the one to use.
                // The handler logs each stored uplink at INFO; printing that to the console would be measured instead
                .jvmArgsAppend("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .resultFormat(ResultFormatType.JSON)
                .result(reportDir.resolve("micro.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();

        String markdown = markdown(results, forks, warmups, iterations, seconds);
        Files.writeString(reportDir.resolve("micro.md"), markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
    }

    private static String markdown(Collection<RunResult> results, int forks, int warmups, int iterations, int seconds) {
        StringBuilder md = new StringBuilder("# Micro-benchmarks\n\n");
        StoreBenchmark.machine().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append(String.format(Locale.ROOT, "- JMH: %d fork(s), %d warm-up iteration(s) of 1 s, %d measured iteration(s) of %d s%n%n",
                forks, warmups, iterations, seconds));
        md.append("| benchmark | param | score ± error | unit |\n|---|---|---:|---|\n");
        // JMH's own order: by benchmark, the params as declared
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            String benchmark = run.getParams().getBenchmark();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String error = Double.isNaN(primary.getScoreError()) ? "" : " ± " + number(primary.getScoreError());
            md.append("| ").append(benchmark).append(" | ").append(params(run)).append(" | ")
                    .append(number(primary.getScore())).append(error).append(" | ").append(primary.getScoreUnit()).append(" |\n");
        }
        return md.toString();
    }

    private static String params(RunResult run) {
        String params = run.getParams().getParamsKeys().stream()
                .map(key -> key + "=" + run.getParams().getParam(key))
                .collect(Collectors.joining(", "));
        return params.isEmpty() ? "–" : params;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.2f", value);
    }
}
