package org.mhbench.stimuli;

import java.util.List;

/**
 * A set of stimuli and the rule that turns them into prompts, e.g. the stigma experiment. Adding
 * a stimulus set to mhbench means writing one of these.
 */
public interface Experiment {

    /** Short id used in records and on the command line, e.g. {@code stigma}. */
    String id();

    /**
     * Every prompt to send to each model, in a deterministic order. The same settings always give
     * the same prompts (same keys), which is what makes runs resumable.
     */
    List<Prompt> prompts();

    /** Facts about the stimuli (files, their hashes, prompt settings) for the run manifest. */
    java.util.Map<String, Object> describe();
}
