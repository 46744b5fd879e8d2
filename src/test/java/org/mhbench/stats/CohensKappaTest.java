package org.mhbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa against hand-computed / sklearn values. */
class CohensKappaTest {

    @Test
    void knownValue() {
        List<String> a = List.of("y", "y", "n", "y", "n", "n", "y", "y", "n", "y");
        List<String> b = List.of("y", "n", "n", "y", "n", "y", "y", "y", "n", "y");
        assertEquals(0.5833333333333334, CohensKappa.kappa(a, b), 1e-12);
        assertEquals(0.8, CohensKappa.agreement(a, b), 1e-12);
    }

    @Test
    void perfectAndChanceAgreement() {
        assertEquals(1.0, CohensKappa.kappa(List.of(1, 2, 3, 1), List.of(1, 2, 3, 1)), 1e-12);
        // rater b always says yes: p_o = 0.5 = p_e
        assertEquals(0.0, CohensKappa.kappa(List.of("y", "n", "y", "n"), List.of("y", "y", "y", "y")), 1e-12);
        assertTrue(Double.isNaN(CohensKappa.kappa(List.of("y", "y"), List.of("y", "y"))), "p_e = 1");
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> CohensKappa.kappa(List.of("y"), List.of("y", "n")));
        assertThrows(IllegalArgumentException.class, () -> CohensKappa.kappa(List.of(), List.of()));
    }
}
