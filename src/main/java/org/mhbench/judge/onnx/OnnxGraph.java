package org.mhbench.judge.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal builder for ONNX models (onnx.proto3, IR version 7, default opset {@value #OPSET}): float
 * and int64 initializers, nodes with int / ints attributes, and typed graph inputs and outputs with
 * fixed or named (dynamic) dimensions. Enough for mhbench's judge heads, written without the onnx
 * library so that any ONNX runtime can run them.
 */
final class OnnxGraph {

    /** The operator set the heads are written against (ReduceLogSumExp still takes axes as an attribute). */
    static final int OPSET = 13;
    private static final int IR_VERSION = 7;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final String name;
    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private final List<Protobuf> inputs = new ArrayList<>();
    private final List<Protobuf> outputs = new ArrayList<>();
    private final List<String[]> metadata = new ArrayList<>();
    private int nodeCount;

    OnnxGraph(String name) {
        this.name = name;
    }

    /** A float tensor input; a dimension is a {@link Integer} size or a {@link String} name (dynamic). */
    OnnxGraph input(String tensor, Object... dims) {
        inputs.add(valueInfo(tensor, FLOAT, dims));
        return this;
    }

    OnnxGraph output(String tensor, Object... dims) {
        outputs.add(valueInfo(tensor, FLOAT, dims));
        return this;
    }

    /** A float initializer of the given shape, row-major. */
    OnnxGraph floats(String tensor, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        initializers.add(tensor(tensor, FLOAT, buf.array(), dims));
        return this;
    }

    /** An int64 initializer of the given shape (no dims: a scalar). */
    OnnxGraph int64s(String tensor, long[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buf.putLong(v);
        }
        initializers.add(tensor(tensor, INT64, buf.array(), dims));
        return this;
    }

    /** A node; attributes are given as alternating name, value pairs (Long or long[]). */
    OnnxGraph node(String opType, String[] in, String[] out, Object... attributes) {
        Protobuf node = new Protobuf();
        for (String i : in) {
            node.string(1, i);
        }
        for (String o : out) {
            node.string(2, o);
        }
        node.string(3, opType.toLowerCase() + "_" + nodeCount++);
        node.string(4, opType);
        for (int a = 0; a < attributes.length; a += 2) {
            Protobuf attr = new Protobuf().string(1, (String) attributes[a]);
            Object v = attributes[a + 1];
            if (v instanceof long[] ints) {
                attr.packedVarints(8, ints).varint(20, ATTR_INTS);
            } else {
                attr.varint(3, ((Number) v).longValue()).varint(20, ATTR_INT);
            }
            node.message(5, attr);
        }
        nodes.add(node);
        return this;
    }

    OnnxGraph metadata(String key, String value) {
        metadata.add(new String[] {key, value});
        return this;
    }

    /** The serialized ModelProto. */
    byte[] toModelBytes(String producer, String producerVersion) {
        Protobuf graph = new Protobuf();
        for (Protobuf n : nodes) {
            graph.message(1, n);
        }
        graph.string(2, name);
        for (Protobuf t : initializers) {
            graph.message(5, t);
        }
        for (Protobuf i : inputs) {
            graph.message(11, i);
        }
        for (Protobuf o : outputs) {
            graph.message(12, o);
        }
        Protobuf model = new Protobuf()
                .varint(1, IR_VERSION)
                .string(2, producer)
                .string(3, producerVersion)
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, OPSET));
        for (String[] kv : metadata) {
            model.message(14, new Protobuf().string(1, kv[0]).string(2, kv[1]));
        }
        return model.toByteArray();
    }

    private static Protobuf tensor(String name, int type, byte[] raw, long[] dims) {
        Protobuf t = new Protobuf();
        if (dims.length > 0) {
            t.packedVarints(1, dims);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw);
    }

    private static Protobuf valueInfo(String name, int elemType, Object[] dims) {
        Protobuf shape = new Protobuf();
        for (Object d : dims) {
            Protobuf dim = new Protobuf();
            if (d instanceof String s) {
                dim.string(2, s);
            } else {
                dim.varint(1, ((Number) d).longValue());
            }
            shape.message(1, dim);
        }
        Protobuf tensorType = new Protobuf().varint(1, elemType).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
