package org.mhbench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.mhbench.generate.ChatMessage;
import org.mhbench.runfolder.RecordKey;
import org.mhbench.stimuli.Prompt;
import org.mhbench.util.Hashing;

/**
 * Shard {@code index} of {@code count} (0-based, as Slurm array indices and Kubernetes completion
 * indexes are): a deterministic share of a run's prompts, balanced by expected cost.
 *
 * <p>Every prompt's cost is estimated from its conversation's length plus its token cap (a transcript
 * placement costs more than a stigma question); prompts are dealt, most costly first, to the shard with
 * the least cost so far, ties broken by a hash of the prompt's stable id. The same prompts always give
 * the same shards, on any machine.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is K/N with 0 <= K < N, got " + index + "/" + count);
        }
    }

    /** Reads {@code K/N}. */
    public static Shard parse(String text) {
        String[] p = text.strip().split("/");
        if (p.length != 2) {
            throw new IllegalArgumentException("a shard is K/N, e.g. 0/4, got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is K/N, e.g. 0/4, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** The prompts of this shard, in their run order. */
    public List<Prompt> select(List<Prompt> prompts) {
        record Item(int position, long cost, String hash) {
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            String item = RecordKey.item(p.setting(), p.stimulus(), p.sample());
            items.add(new Item(i, cost(p), Hashing.sha256(p.experiment() + "|" + item)));
        }
        items.sort(Comparator.comparingLong(Item::cost).reversed().thenComparing(Item::hash));
        record Load(int shard, long cost) {
        }
        PriorityQueue<Load> loads = new PriorityQueue<>(Comparator.comparingLong(Load::cost)
                .thenComparingInt(Load::shard));
        for (int s = 0; s < count; s++) {
            loads.add(new Load(s, 0));
        }
        boolean[] mine = new boolean[prompts.size()];
        for (Item it : items) {
            Load least = loads.poll();
            if (least.shard() == index) {
                mine[it.position()] = true;
            }
            loads.add(new Load(least.shard(), least.cost() + it.cost()));
        }
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            if (mine[i]) {
                out.add(prompts.get(i));
            }
        }
        return out;
    }

    /** Characters of the conversation (about four per token) plus the token cap, in token-sized units. */
    static long cost(Prompt p) {
        long chars = 0;
        for (ChatMessage m : p.messages()) {
            chars += m.content().length();
        }
        return chars / 4 + p.sampling().maxTokens() * 4L; // a generated token costs several prompt tokens
    }
}
