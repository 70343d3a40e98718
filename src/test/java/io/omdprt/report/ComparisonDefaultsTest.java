package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of compare's figures states each one's unit and default threshold as the code has them. */
class ComparisonDefaultsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| (.+) \\| (.+) \\| (.+) \\|$", Pattern.MULTILINE);

    @Test
    void readmeStatesTheDefaultThresholds() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("**Compare**"), readme.indexOf("**Across sites**"));
        List<String> stated = new ArrayList<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            stated.add(String.join(" | ", m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        List<String> code = Arrays.stream(Comparison.Figure.values())
                .map(f -> String.join(" | ", f.key, f.label, f.unit, describe(f.defaultThreshold, f.unit))).toList();
        assertEquals(code, stated);
    }

    private static String describe(Comparison.Threshold t, String unit) {
        if (t == null) {
            return "never (shown only)";
        }
        if (t.percent() == 0 && t.absolute() == 0) {
            return "any increase";
        }
        String absolute = "more than " + Plots.number(t.absolute()) + " " + unit;
        return t.percent() == 0 ? absolute : "more than " + Plots.number(t.percent()) + " % and " + absolute;
    }

    @Test
    void theStatedRuleIsTheCodes() {
        Comparison.Threshold skew = Comparison.defaults().get("skew-p99");
        assertEquals(false, skew.exceeded(10, 14.9), "up 49 %");
        assertEquals(false, skew.exceeded(1, 1.9), "up 90 % but only 0.9 ms");
        assertEquals(true, skew.exceeded(10, 15.1), "up 51 % and 5.1 ms");
        assertEquals(true, skew.exceeded(0, 1.1), "from 0: by the absolute amount alone");
        assertEquals(true, Comparison.defaults().get("loss").exceeded(0, 1), "any increase");
    }
}
