import onnxProto from 'onnx-proto';
import type { EmbeddingBagNetwork } from '../training/embedding-bag-network.ts';
import type { LinearPart } from '../training/intent-ensemble.ts';
import { OnnxGraphBuilder } from './onnx-graph-builder.ts';

const { onnx } = onnxProto;
const OPSET = 13;
const IR_VERSION = 7;

/** What the exporter writes: the trained networks and the bucket → row table they share. */
export interface ExportableModel {
  rowOfBucket: Int32Array;
  idf: Float32Array;
  members: EmbeddingBagNetwork[];
  /** The linear softmax model mixed into the probabilities, when the ensemble has one. */
  linear?: LinearPart;
  /** Written into the graph's metadata so the file is self-describing. */
  labels: string[];
}

/**
 * Writes an intent model as ONNX with our own graph (onnx-proto is only the schema): no converter exists for a
 * hand-written network, and writing the graph ourselves keeps the file byte-deterministic (no timestamps).
 *
 * Inputs: `indices` int32 [batch, n] (hash buckets, padded with any bucket and value 0) and `values` float [batch, n].
 * (A single list of the batch's features with a [batch, n] membership matrix avoids the padding, but its dense
 * product costs more than the padding saves: measured 95 vs 78 µs of CPU per message in batches of 16.)
 * Outputs: `probabilities` [batch, classes] (mean of the networks, mixed with the linear model's when there is
 * one), `embedding` [batch, members × hidden] (hidden layers,
 * for FAQ pair matching), `coverage` [batch] (share of the input's feature mass seen in training) and, with a linear
 * model, `linear_probabilities` [batch, classes] (its own, for the out-of-scope rule).
 */
export class OnnxExporter {
  export(model: ExportableModel): Uint8Array {
    const g = new OnnxGraphBuilder();
    const { FLOAT, INT32 } = onnx.TensorProto.DataType;
    const rowTable = g.int32s('row_of_bucket', [model.rowOfBucket.length], model.rowOfBucket);
    const idfTable = g.floats('idf', [model.idf.length], model.idf);
    const axis1 = g.int64s('axis_1', [1]);
    const epsilon = g.floats('epsilon', [], Float32Array.of(1e-12));

    const rows = g.node('Gather', [rowTable, 'indices']);
    const tfidf = g.node('Mul', [g.node('Gather', [idfTable, rows]), 'values']);
    const sumSquares = g.node('ReduceSum', [g.node('Mul', [tfidf, tfidf]), axis1]);
    const norm = g.node('Sqrt', [g.node('Max', [sumSquares, epsilon])]);
    const weights = g.node('Unsqueeze', [g.node('Div', [tfidf, norm]), axis1]);

    // One table holds every member's embedding side by side, and after them the linear model's weights, so a
    // message costs one Gather and one weighted sum (a [1 × features] · [features × width] product) whatever the
    // ensemble size.
    const { rows: rowCount, dim, classes } = model.members[0].shape;
    const networkWidth = dim * model.members.length;
    const width = networkWidth + (model.linear ? classes : 0);
    const table = new Float32Array(rowCount * width);
    model.members.forEach((net, m) => {
      for (let r = 0; r < rowCount; r++) {
        table.set(net.embedding.subarray(r * dim, (r + 1) * dim), r * width + m * dim);
      }
    });
    if (model.linear) {
      const linearWeights = model.linear.model.weights;
      for (let r = 0; r < rowCount; r++) {
        table.set(linearWeights.subarray(r * classes, (r + 1) * classes), r * width + networkWidth);
      }
    }
    const embeddings = g.floats('embeddings', [rowCount, width], table);
    const allBags = g.node('MatMul', [weights, g.node('Gather', [embeddings, rows])]);
    let bags = allBags;
    let linearBags: string | undefined;
    if (model.linear) {
      const axis2 = g.int64s('axis_2', [2]);
      const columns = (from: number, to: number) =>
        g.node('Slice', [allBags, g.int64s(`from_${from}`, [from]), g.int64s(`to_${to}`, [to]), axis2]);
      bags = columns(0, networkWidth);
      linearBags = columns(networkWidth, width);
    }

    const members = model.members.length;
    const { hidden } = model.members[0].shape;
    const stack = (pick: (net: EmbeddingBagNetwork) => Float32Array, size: number) => {
      const out = new Float32Array(members * size);
      model.members.forEach((net, m) => {
        out.set(pick(net), m * size);
      });
      return out;
    };
    const w1 = g.floats(
      'w1',
      [members, dim, hidden],
      stack((net) => net.w1, dim * hidden),
    );
    const b1 = g.floats(
      'b1',
      [members, 1, hidden],
      stack((net) => net.b1, hidden),
    );
    const w2 = g.floats(
      'w2',
      [members, hidden, classes],
      stack((net) => net.w2, hidden * classes),
    );
    const b2 = g.floats(
      'b2',
      [members, 1, classes],
      stack((net) => net.b2, classes),
    );
    const perm = [OnnxGraphBuilder.intsAttribute('perm', [1, 0, 2])];
    const byMember = g.node(
      'Transpose',
      [g.node('Reshape', [bags, g.int64s('member_bags_shape', [-1, members, dim])])],
      perm,
    );
    const h = g.node('Relu', [g.node('Add', [g.node('MatMul', [byMember, w1]), b1])]);
    const logits = g.node('Add', [g.node('MatMul', [h, w2]), b2]);
    const memberProbabilities = g.node('Softmax', [logits], [OnnxGraphBuilder.intAttribute('axis', -1)]);
    const meanProbabilities = (output?: string) =>
      g.node(
        'ReduceMean',
        [memberProbabilities],
        [OnnxGraphBuilder.intsAttribute('axes', [0]), OnnxGraphBuilder.intAttribute('keepdims', 0)],
        output,
      );
    if (model.linear && linearBags) {
      const { share, model: linear } = model.linear;
      const linearLogits = g.node('Add', [
        g.node('Reshape', [linearBags, g.int64s('linear_shape', [-1, classes])]),
        g.floats('linear_bias', [classes], linear.bias),
      ]);
      const linearProbabilities = g.node(
        'Softmax',
        [linearLogits],
        [OnnxGraphBuilder.intAttribute('axis', -1)],
        'linear_probabilities',
      );
      const networkShare = g.floats('network_share', [], Float32Array.of(1 - share));
      const linearShare = g.floats('linear_share', [], Float32Array.of(share));
      g.node(
        'Add',
        [g.node('Mul', [meanProbabilities(), networkShare]), g.node('Mul', [linearProbabilities, linearShare])],
        [],
        'probabilities',
      );
    } else {
      meanProbabilities('probabilities');
    }
    g.node(
      'Reshape',
      [g.node('Transpose', [h], perm), g.int64s('embedding_shape', [0, members * hidden])],
      [],
      'embedding',
    );

    const known = g.node(
      'Cast',
      [g.node('Greater', [rows, g.int32s('zero', [], Int32Array.of(0))])],
      [OnnxGraphBuilder.intAttribute('to', FLOAT)],
    );
    const knownMass = g.node(
      'ReduceSum',
      [g.node('Mul', [known, 'values']), axis1],
      [OnnxGraphBuilder.intAttribute('keepdims', 0)],
    );
    const totalMass = g.node('ReduceSum', ['values', axis1], [OnnxGraphBuilder.intAttribute('keepdims', 0)]);
    g.node('Div', [knownMass, g.node('Max', [totalMass, epsilon])], [], 'coverage');

    const hiddenWidth = members * hidden;
    const proto = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      opsetImport: [{ domain: '', version: OPSET }],
      producerName: 'kefu',
      producerVersion: '1',
      metadataProps: [{ key: 'labels', value: JSON.stringify(model.labels) }],
      graph: {
        name: 'kefu_intent',
        node: g.nodes,
        initializer: g.initializers,
        input: [
          OnnxGraphBuilder.tensorType('indices', INT32, ['batch', 'features']),
          OnnxGraphBuilder.tensorType('values', FLOAT, ['batch', 'features']),
        ],
        output: [
          OnnxGraphBuilder.tensorType('probabilities', FLOAT, ['batch', classes]),
          OnnxGraphBuilder.tensorType('embedding', FLOAT, ['batch', hiddenWidth]),
          OnnxGraphBuilder.tensorType('coverage', FLOAT, ['batch']),
          ...(model.linear ? [OnnxGraphBuilder.tensorType('linear_probabilities', FLOAT, ['batch', classes])] : []),
        ],
      },
    });
    return onnx.ModelProto.encode(proto).finish();
  }
}
