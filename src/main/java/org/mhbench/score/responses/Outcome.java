package org.mhbench.score.responses;

/** What one record comes to under one judge. */
enum Outcome {
    /** judged, and the judge's answer is the criterion's appropriate answer */
    APPROPRIATE,
    /** judged, and it is not */
    INAPPROPRIATE,
    /** no response (generation failed, or missing in an imported source): inappropriate under the paper's rule */
    FAILED,
    /** a response this judge has not judged: left out of both readings, and reported */
    UNJUDGED
}
