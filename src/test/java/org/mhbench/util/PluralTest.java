package org.mhbench.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 verdict", Plural.of(1, "verdict"));
        assertEquals("0 verdicts", Plural.of(0, "verdict"));
        assertEquals("2 verdicts", Plural.of(2, "verdict"));
        assertEquals("1 reply", Plural.of(1, "reply"));
        assertEquals("4 replies", Plural.of(4, "reply"));
        assertEquals("3 days", Plural.of(3, "day"));
        assertEquals("2 matches", Plural.of(2, "match"));
        assertEquals("5 criteria", Plural.of(5, "criterion", "criteria"));
        assertEquals("1 criterion", Plural.of(1, "criterion", "criteria"));
        assertEquals("needs", Plural.verb(1, "needs", "need"));
        assertEquals("need", Plural.verb(2, "needs", "need"));
    }
}
