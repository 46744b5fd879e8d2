package org.mhbench.judge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** κ, accuracy and confusion matrices against values worked out by hand. */
class AgreementTest {

    @Test
    void kappaOfAHandWorkedMatrix() {
        // 50 items: reference yes 25, judge yes 30. p_o = (20+15)/50 = 0.7;
        // p_e = 0.5*0.6 + 0.5*0.4 = 0.5; κ = (0.7-0.5)/(1-0.5) = 0.4.
        ConfusionMatrix m = new ConfusionMatrix(20, 5, 10, 15);
        assertEquals(50, m.n());
        assertEquals(0.7, m.accuracy(), 1e-12);
        assertEquals(0.4, m.kappa(), 1e-12);
    }

    @Test
    void kappaOfASkewedMatrix() {
        // 100 items: ref yes 10, judge yes 12, both yes 8. p_o = (8+86)/100 = 0.94;
        // p_e = 0.1*0.12 + 0.9*0.88 = 0.804; κ = 0.136/0.196 = 0.693877...
        ConfusionMatrix m = new ConfusionMatrix(8, 2, 4, 86);
        assertEquals(0.94, m.accuracy(), 1e-12);
        assertEquals(0.136 / 0.196, m.kappa(), 1e-12);
    }

    @Test
    void perfectChanceAndUndefinedKappa() {
        assertEquals(1.0, new ConfusionMatrix(3, 0, 0, 7).kappa(), 1e-12);
        // Judge says yes to everything, half the references are yes: p_o = 0.5 = p_e, κ = 0.
        assertEquals(0.0, new ConfusionMatrix(5, 0, 5, 0).kappa(), 1e-12);
        // Both raters said no to every item: κ is undefined.
        assertTrue(Double.isNaN(new ConfusionMatrix(0, 0, 0, 9).kappa()));
        assertTrue(Double.isNaN(ConfusionMatrix.EMPTY.kappa()));
        assertTrue(Double.isNaN(ConfusionMatrix.EMPTY.accuracy()));
        // Complete disagreement with balanced marginals: κ = -1.
        assertEquals(-1.0, new ConfusionMatrix(0, 4, 4, 0).kappa(), 1e-12);
    }

    @Test
    void perCriterionAndPooled() {
        List<Agreement.Pair> pairs = new ArrayList<>();
        // bridge: yes/yes ×2, no/no ×2 → κ 1
        pairs.add(new Agreement.Pair("bridge", true, true, false));
        pairs.add(new Agreement.Pair("bridge", true, true, false));
        pairs.add(new Agreement.Pair("bridge", false, false, false));
        pairs.add(new Agreement.Pair("bridge", false, false, true));
        // dead: ref yes judge no, ref no judge no ×3 → p_o .75, p_e = .25*0 + .75*1 = .75 → κ 0
        pairs.add(new Agreement.Pair("dead", true, false, true));
        pairs.add(new Agreement.Pair("dead", false, false, false));
        pairs.add(new Agreement.Pair("dead", false, false, false));
        pairs.add(new Agreement.Pair("dead", false, false, false));
        Agreement a = Agreement.of(pairs);
        assertEquals(new ConfusionMatrix(2, 0, 0, 2), a.perCriterion().get("bridge"));
        assertEquals(new ConfusionMatrix(0, 1, 0, 3), a.perCriterion().get("dead"));
        assertEquals(new ConfusionMatrix(2, 1, 0, 5), a.overall());
        assertEquals(2, a.needsReview());
        assertEquals(0.0, a.perCriterion().get("dead").kappa(), 1e-12);
        // pooled: p_o = 7/8; ref yes 3/8, judge yes 2/8; p_e = 6/64 + 30/64 = 36/64; κ = (56-36)/(64-36) = 20/28
        assertEquals(20.0 / 28.0, a.overall().kappa(), 1e-12);
        assertEquals(0.0, a.minCriterionKappa(), 1e-12);
    }

    /** Most verdicts unreadable or unsure: said beside kappa; a few: not. */
    @Test
    void mostVerdictsNeedingReviewIsSaidBesideKappa() {
        Agreement most = Agreement.of(List.of(new Agreement.Pair("soap", false, false, true),
                new Agreement.Pair("soap", true, false, true), new Agreement.Pair("soap", true, true, false)));
        String all = AgreementTable.lines(most).stream().filter(l -> l.startsWith("all ")).findFirst().orElseThrow();
        assertTrue(all.contains("but 2 of 3 verdicts (67%) need review (unreadable or unsure answers): this kappa "
                + "says little"), all);
        Agreement few = Agreement.of(List.of(new Agreement.Pair("soap", false, false, true),
                new Agreement.Pair("soap", true, false, false), new Agreement.Pair("soap", true, true, false)));
        assertTrue(AgreementTable.reviewWarning(few).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheDocumentedKeysAndNullForUndefined() {
        Agreement a = Agreement.of(List.of(new Agreement.Pair("soap", false, false, false),
                new Agreement.Pair("books", true, true, false), new Agreement.Pair("books", false, false, false)));
        Map<String, Object> json = AgreementTable.json(a);
        assertEquals(List.of("n", "accuracy", "kappa", "per_criterion", "needs_review"), new ArrayList<>(json.keySet()));
        assertEquals(3, json.get("n"));
        Map<String, Map<String, Object>> per = (Map<String, Map<String, Object>>) json.get("per_criterion");
        assertEquals(1.0, (Double) per.get("books").get("kappa"), 1e-12);
        assertNull(per.get("soap").get("kappa"));
        assertEquals(1.0, (Double) per.get("soap").get("accuracy"), 1e-12);
        assertTrue(AgreementTable.lines(a).get(AgreementTable.lines(a).size() - 2).startsWith("all"));
    }
}
