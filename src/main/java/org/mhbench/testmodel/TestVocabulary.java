package org.mhbench.testmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.mhbench.gguf.GgufValueType;
import org.mhbench.gguf.GgufWriter;

/**
 * A deterministic SentencePiece-style vocabulary for llama.cpp's {@code llama} tokenizer model
 * (byte-fallback BPE over scored pieces, {@value #SPACE} marking a preceding space).
 *
 * <p>Layout: id 0 {@code <unk>}; 1 {@code <s>}; 2 {@code </s>}; 3 {@code <|im_start|>}; 4
 * {@code <|im_end|>}; 5&ndash;260 the byte pieces {@code <0x00>}&hellip;{@code <0xFF>} (llama.cpp needs
 * {@code <0x0A>} for newlines and falls back to bytes for any text it cannot cover); then normal pieces:
 * {@value #SPACE} alone, every letter, digit and common punctuation mark with and without the space
 * marker, common English words with all their prefixes (so that merging can reach each word), their
 * capitalised forms, then letter pairs and triples until the requested size. Normal pieces score
 * {@code -1, -2, ...} in that order, so earlier (commoner) pieces merge first; the others score 0.
 */
public final class TestVocabulary {

    /** SentencePiece's space marker, U+2581. */
    public static final String SPACE = "\u2581";
    public static final int UNKNOWN_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int IM_START_ID = 3;
    public static final int IM_END_ID = 4;
    /** Id of {@code <0x00>}; byte {@code b} is {@code FIRST_BYTE_ID + b}. */
    public static final int FIRST_BYTE_ID = 5;

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String PUNCTUATION = ".,!?'\":;-()/";
    private static final List<String> WORDS = List.of(
            "the", "I", "you", "to", "and", "a", "of", "it", "is", "that", "in", "me", "my", "feel", "what",
            "for", "this", "be", "not", "can", "do", "have", "with", "are", "so", "just", "like", "on", "your",
            "but", "was", "about", "how", "all", "know", "we", "if", "want", "think", "no", "really", "at",
            "help", "one", "there", "when", "they", "time", "get", "he", "she", "some", "out", "people",
            "would", "more", "been", "had", "sorry", "hear", "sounds", "things", "day", "very", "much",
            "talk", "feeling", "feelings", "good", "bad", "sad", "anxious", "stress", "worried", "tired",
            "alone", "better", "hard", "thank", "thanks", "yes", "okay", "maybe", "need", "why", "because",
            "life", "work", "family", "friend", "friends", "sleep", "today", "tomorrow", "week", "now",
            "here", "who", "where", "could", "should", "will", "let", "try", "make", "go", "see", "say",
            "tell", "understand", "support", "safe", "care", "love", "hope", "mind", "body", "breathe",
            "moment", "right", "little", "lot", "way", "something", "anything", "nothing", "everything",
            "always", "never", "sometimes", "often", "again", "still", "also", "only", "even", "too",
            "hello", "hi", "please", "together", "listen", "going", "doing", "been", "being", "am", "an",
            "as", "by", "from", "or", "up", "down", "than", "then", "them", "their", "our", "us", "him",
            "her", "his", "its", "who", "which", "new", "old", "first", "last", "long", "small", "big",
            "any", "each", "other", "such", "own", "same", "those", "these", "into", "over", "after",
            "before", "first", "back", "well", "look", "come", "take", "give", "find", "ask", "seem",
            "leave", "call", "keep", "start", "happy", "angry", "afraid", "lonely", "calm", "pain",
            "thought", "thoughts", "worry", "fear", "heart", "home", "night", "morning", "school", "job",
            "partner", "mother", "father", "parents", "child", "therapist", "doctor", "question", "answer",
            "problem", "change", "step", "small", "kind", "gentle", "important", "possible", "difficult",
            "trust", "share", "notice", "ready", "enough", "sure", "true", "real", "said", "made", "got",
            "felt", "went", "came", "did", "does", "don't", "can't", "it's", "I'm", "you're", "that's");

    private final List<String> tokens;
    private final float[] scores;
    private final TokenType[] types;
    private final Map<String, Integer> ids;

    private TestVocabulary(List<String> tokens, float[] scores, TokenType[] types) {
        this.tokens = Collections.unmodifiableList(tokens);
        this.scores = scores;
        this.types = types;
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /** Smallest vocabulary: control and byte tokens plus single characters. */
    public static int minimumSize() {
        return FIRST_BYTE_ID + 256 + 1 + 2 * (LETTERS.length() * 2 + DIGITS.length() + PUNCTUATION.length());
    }

    /**
     * Builds the vocabulary with exactly {@code size} tokens; the same size always gives the same
     * vocabulary.
     *
     * @throws IllegalArgumentException if {@code size} is below {@link #minimumSize()} or above what the
     *     generator can produce (about 37 000)
     */
    public static TestVocabulary build(int size) {
        if (size < minimumSize()) {
            throw new IllegalArgumentException("vocabulary size " + size + " is below the minimum " + minimumSize());
        }
        List<String> tokens = new ArrayList<>(size);
        List<TokenType> types = new ArrayList<>(size);
        addSpecial(tokens, types, "<unk>", TokenType.UNKNOWN);
        addSpecial(tokens, types, "<s>", TokenType.CONTROL);
        addSpecial(tokens, types, "</s>", TokenType.CONTROL);
        addSpecial(tokens, types, "<|im_start|>", TokenType.CONTROL);
        addSpecial(tokens, types, "<|im_end|>", TokenType.CONTROL);
        for (int b = 0; b < 256; b++) {
            addSpecial(tokens, types, String.format(Locale.ROOT, "<0x%02X>", b), TokenType.BYTE);
        }
        int normalStart = tokens.size();
        Set<String> normal = normalPieces(size - normalStart);
        if (normal.size() < size - normalStart) {
            throw new IllegalArgumentException("vocabulary size " + size + " is above the "
                    + (normalStart + normal.size()) + " tokens the generator can produce");
        }
        for (String piece : normal) {
            tokens.add(piece);
            types.add(TokenType.NORMAL);
        }
        float[] scores = new float[size];
        for (int i = normalStart; i < size; i++) {
            scores[i] = -(i - normalStart + 1);
        }
        return new TestVocabulary(tokens, scores, types.toArray(new TokenType[0]));
    }

    private static void addSpecial(List<String> tokens, List<TokenType> types, String text, TokenType type) {
        tokens.add(text);
        types.add(type);
    }

    private static Set<String> normalPieces(int wanted) {
        Set<String> pieces = new LinkedHashSet<>();
        pieces.add(SPACE);
        String chars = LETTERS + LETTERS.toUpperCase(Locale.ROOT) + DIGITS + PUNCTUATION;
        for (char c : chars.toCharArray()) {
            pieces.add(SPACE + c);
            pieces.add(String.valueOf(c));
        }
        for (String word : WORDS) {
            addWithPrefixes(pieces, SPACE + word, wanted);
        }
        for (String word : WORDS) {
            addWithPrefixes(pieces, SPACE + Character.toUpperCase(word.charAt(0)) + word.substring(1), wanted);
        }
        for (int length = 2; length <= 3 && pieces.size() < wanted; length++) {
            addLetterStrings(pieces, "", length, wanted);
        }
        List<String> ordered = new ArrayList<>(pieces);
        return new LinkedHashSet<>(ordered.subList(0, Math.min(wanted, ordered.size())));
    }

    private static void addWithPrefixes(Set<String> pieces, String word, int wanted) {
        for (int end = 2; end <= word.length() && pieces.size() < wanted; end++) {
            pieces.add(word.substring(0, end));
        }
    }

    /** Adds all lower-case letter strings of {@code length}, each with and without the space marker. */
    private static void addLetterStrings(Set<String> pieces, String prefix, int length, int wanted) {
        if (pieces.size() >= wanted) {
            return;
        }
        if (prefix.length() == length) {
            pieces.add(SPACE + prefix);
            pieces.add(prefix);
            return;
        }
        for (char c : LETTERS.toCharArray()) {
            addLetterStrings(pieces, prefix + c, length, wanted);
        }
    }

    /** Number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** Token texts by id (unmodifiable). */
    public List<String> tokens() {
        return tokens;
    }

    /** Text of token {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Type of token {@code id}. */
    public TokenType type(int id) {
        return types[id];
    }

    /** Score of token {@code id} (higher merges first). */
    public float score(int id) {
        return scores[id];
    }

    /** Id of the token with text {@code text}, if any. */
    public OptionalInt id(String text) {
        Integer id = ids.get(text);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * Writes the {@code tokenizer.ggml.*} metadata: model {@code llama}, tokens, scores, token types,
     * bos/eos/unknown/end-of-turn ids, {@code add_bos_token} true, {@code add_eos_token} false and
     * {@code add_space_prefix} true.
     */
    public void writeTo(GgufWriter writer) {
        writer.putString("tokenizer.ggml.model", "llama");
        writer.putStringArray("tokenizer.ggml.tokens", tokens);
        writer.putFloat32Array("tokenizer.ggml.scores", scores);
        writer.putArray("tokenizer.ggml.token_type", GgufValueType.INT32,
                Arrays.stream(types).map(TokenType::id).toList());
        writer.putUInt32("tokenizer.ggml.bos_token_id", BOS_ID);
        writer.putUInt32("tokenizer.ggml.eos_token_id", EOS_ID);
        writer.putUInt32("tokenizer.ggml.unknown_token_id", UNKNOWN_ID);
        writer.putUInt32("tokenizer.ggml.eot_token_id", IM_END_ID);
        writer.putBool("tokenizer.ggml.add_bos_token", true);
        writer.putBool("tokenizer.ggml.add_eos_token", false);
        writer.putBool("tokenizer.ggml.add_space_prefix", true);
    }
}
