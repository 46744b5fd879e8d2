package org.mhbench.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** What {@code run --resume} compares: options given again, and the settings a run folder recorded. */
final class ResumeCheck {

    /** Options a resume may give without their being settings of the run. */
    static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--out", "--limit", "--no-score", "--max-restarts",
            "--request-timeout", "--watts", "--help", "--version");
    private ResumeCheck() {
    }

    /**
     * The options given on the resume command line whose values differ from those the run was
     * started with, as {@code --threads 2 (started with 1)}.
     *
     * @param now      the resume command's parse result
     * @param original the run command parsed from the run's start arguments
     */
    static List<String> changedOptions(ParseResult now, CommandSpec original) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : now.matchedOptions()) {
            if (RESUME_OPTIONS.contains(o.longestName())) {
                continue;
            }
            OptionSpec then = original.findOption(o.longestName());
            Object was = then == null ? null : then.getValue();
            Object is = o.getValue();
            if (!Objects.equals(String.valueOf(is), String.valueOf(was))) {
                out.add(o.longestName() + " " + show(is) + " (started with " + show(was) + ")");
            }
        }
        return out;
    }

    private static String show(Object v) {
        return v instanceof List<?> l && l.isEmpty() ? "none" : String.valueOf(v);
    }

    /** The start arguments of a run command line: those after {@code run}, without --out and --resume. */
    static List<String> startArguments(List<String> command) {
        int at = command.indexOf("run");
        List<String> args = new ArrayList<>(at < 0 ? command : command.subList(at + 1, command.size()));
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String a = it.next();
            if (a.equals("--out") || a.equals("-o")) {
                if (it.hasNext()) {
                    it.next();
                }
            } else if (!a.startsWith("--out=") && !a.equals("--resume") && !(a.startsWith("-o") && a.length() > 2
                    && !a.startsWith("--"))) {
                out.add(a);
            }
        }
        return out;
    }

    /** Removes every occurrence of {@code option} (any of its names, with its value) from {@code args}. */
    static void removeOption(List<String> args, OptionSpec option) {
        boolean takesValue = option.arity().max() > 0;
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            boolean named = List.of(option.names()).contains(a);
            boolean attached = List.of(option.names()).stream().anyMatch(n -> a.startsWith(n + "="));
            if (named) {
                args.remove(i);
                if (takesValue && i < args.size()) {
                    args.remove(i);
                }
            } else if (attached) {
                args.remove(i);
            } else {
                i++;
            }
        }
    }
}
