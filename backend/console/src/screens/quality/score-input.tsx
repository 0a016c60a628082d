import { InputNumber, type InputNumberProps } from 'antd';

/** A quality total: 0–100 in half points, shown with the one decimal the API keeps. */
export function ScoreInput(props: InputNumberProps<number>) {
  return <InputNumber<number> min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} {...props} />;
}
