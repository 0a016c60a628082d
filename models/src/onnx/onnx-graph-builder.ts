import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type Attribute = onnxProto.onnx.IAttributeProto;

/**
 * Collects nodes, initialisers and value infos of one ONNX graph. Names are derived from a counter, so the same
 * calls always produce the same bytes.
 */
export class OnnxGraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private counter = 0;

  node(op: string, inputs: string[], attributes: Attribute[] = [], output?: string): string {
    const name = output ?? `${op.toLowerCase()}_${this.counter++}`;
    this.nodes.push({ opType: op, input: inputs, output: [name], name: `${name}_node`, attribute: attributes });
    return name;
  }

  floats(name: string, dims: number[], data: Float32Array): string {
    return this.tensor(name, dims, onnx.TensorProto.DataType.FLOAT, bytesOf(data));
  }

  int32s(name: string, dims: number[], data: Int32Array): string {
    return this.tensor(name, dims, onnx.TensorProto.DataType.INT32, bytesOf(data));
  }

  int64s(name: string, values: number[]): string {
    const data = new BigInt64Array(values.map((v) => BigInt(v)));
    return this.tensor(name, [values.length], onnx.TensorProto.DataType.INT64, new Uint8Array(data.buffer));
  }

  static intAttribute(name: string, value: number): Attribute {
    return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
  }

  static intsAttribute(name: string, values: number[]): Attribute {
    return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: values };
  }

  static tensorType(name: string, elemType: number, dims: (number | string)[]): onnxProto.onnx.IValueInfoProto {
    return {
      name,
      type: {
        tensorType: {
          elemType,
          shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
        },
      },
    };
  }

  private tensor(name: string, dims: number[], dataType: number, rawData: Uint8Array): string {
    this.initializers.push({ name, dims, dataType, rawData });
    return name;
  }
}

/** Raw little-endian bytes of a typed array, as ONNX `raw_data` wants them (every supported platform is little-endian). */
function bytesOf(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
