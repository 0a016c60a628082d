/** One training or test example of a text classification task (JSON Lines `{"text","label"}`). */
export interface LabeledText {
  text: string;
  label: string;
}

/** The label that marks out-of-scope examples in evaluation data. */
export const OUT_OF_SCOPE_LABEL = 'oos';
