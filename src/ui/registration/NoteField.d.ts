export declare function NoteField({
  value,
  onInput,
}: {
  value: string;
  onInput: (value: string) => void;
}): import('preact').JSX.Element;
