package io.butlersos.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CPU time per thread of another JVM, from {@code jcmd <pid> Thread.print} (JDK 11+ prints {@code cpu=}
 * for Java and VM threads alike), grouped by job: where the agent's CPU goes during a run.
 */
final class ThreadCpu {

    private static final Pattern THREAD = Pattern.compile("^\"(.+?)\".*?cpu=([0-9.]+)ms", Pattern.MULTILINE);

    private ThreadCpu() {
    }

    /** CPU milliseconds by job, summed over the threads of each job. */
    static Map<String, Double> sample(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " Thread.print failed: " + out.lines().limit(3).toList());
        }
        return byJob(out);
    }

    static Map<String, Double> byJob(String threadDump) {
        Map<String, Double> jobs = new TreeMap<>();
        Matcher m = THREAD.matcher(threadDump);
        while (m.find()) {
            jobs.merge(job(m.group(1)), Double.parseDouble(m.group(2)), Double::sum);
        }
        return jobs;
    }

    /** A thread's job from its name: numbered pools and workers are one job. */
    static String job(String thread) {
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
            return "garbage collector";
        }
        if (thread.startsWith("C1 CompilerThread") || thread.startsWith("C2 CompilerThread")) {
            return "JIT compiler";
        }
        if (thread.startsWith("qtp") || thread.contains("jetty")) {
            return "jetty";
        }
        return thread.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-N-");
    }

    /** The jobs that used the most CPU between two samples, as "job 1.23 s" items. */
    static String top(Map<String, Double> before, Map<String, Double> after, int count) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((job, ms) -> delta.put(job, ms - before.getOrDefault(job, 0.0)));
        List<Map.Entry<String, Double>> sorted = delta.entrySet().stream()
                .filter(e -> e.getValue() >= 5).sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        return sorted.stream().limit(count).map(e -> String.format("%s %.2f s", e.getKey(), e.getValue() / 1000))
                .collect(Collectors.joining(", "));
    }
}
