'use client';

import { useCombobox, useMultipleSelection } from 'downshift';
import { useId, useMemo, useState } from 'react';

// Choosing several values from a long list (countries, categories): the WAI-ARIA combobox pattern with a listbox
// popup, on downshift's useCombobox, plus useMultipleSelection for the chosen values shown as chips. Typing filters
// the list (by name, or by code); ↓/↑ move, Enter or a click adds the active option and keeps the list open for the
// next; Escape closes it. Each chip is a "Remove …" button: a click removes it; in the empty input (list closed)
// Backspace removes the last chip and ← moves to it; ←/→ move between chips, Backspace/Delete remove the focused
// one. Tabbing away adds nothing. The form receives the values through hidden inputs: one per value, or one comma-separated.

export type MultiSelectOption = { value: string; label: string };

type MultiSelectComboboxProps = {
  label: string;
  /** The submitted name. */
  name: string;
  options: MultiSelectOption[];
  /** Controlled: the chosen values, with onChange. */
  value?: string[];
  onChange?: (values: string[]) => void;
  /** Uncontrolled: the values chosen at first. */
  defaultValue?: string[];
  /** 'repeat': one hidden input per value (name=a&name=b); 'comma': one input "a, b". */
  submitAs?: 'repeat' | 'comma';
  /** Names what is chosen, for the chip list: "Chosen countries". */
  chosenLabel: string;
  placeholder?: string;
  id?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Text matched as well as the label (e.g. the ISO code), per value. */
  matchAlso?: (option: MultiSelectOption) => string;
};

/** Above this many chosen values, the chips are folded behind a "Show all" button (Rest of world: ~200 countries). */
const FOLD_ABOVE = 12;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function MultiSelectCombobox({
  label,
  name,
  options,
  value,
  onChange,
  defaultValue = [],
  submitAs = 'repeat',
  chosenLabel,
  placeholder,
  id,
  describedBy,
  invalid,
  matchAlso,
}: MultiSelectComboboxProps) {
  const baseId = useId();
  const inputId = id ?? `${baseId}-input`;
  const [own, setOwn] = useState(defaultValue);
  const chosenValues = value ?? own;
  const setChosen = (next: string[]) => {
    if (value === undefined) setOwn(next);
    onChange?.(next);
  };
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);

  const byValue = useMemo(() => new Map(options.map((option) => [option.value, option])), [options]);
  // A value with no option (e.g. a code no longer listed) still shows, as itself, and is still submitted.
  const chosen = chosenValues.map((v) => byValue.get(v) ?? { value: v, label: v });
  const chosenSet = new Set(chosenValues);
  const needle = fold(query.trim());
  const items = options.filter(
    (option) => !chosenSet.has(option.value) && (needle === '' || fold(option.label).includes(needle) || (matchAlso ? fold(matchAlso(option)) === needle : false)),
  );

  const { getSelectedItemProps, getDropdownProps } = useMultipleSelection<MultiSelectOption>({
    selectedItems: chosen,
    itemToKey: (item) => item?.value,
    onStateChange: ({ selectedItems, type }) => {
      switch (type) {
        case useMultipleSelection.stateChangeTypes.SelectedItemKeyDownBackspace:
        case useMultipleSelection.stateChangeTypes.SelectedItemKeyDownDelete:
        case useMultipleSelection.stateChangeTypes.DropdownKeyDownBackspace:
        case useMultipleSelection.stateChangeTypes.FunctionRemoveSelectedItem:
          setChosen((selectedItems ?? []).map((item) => item.value));
          break;
        default:
          break;
      }
    },
  });

  const folded = !expanded && chosen.length > FOLD_ABOVE;
  const shown = folded ? chosen.slice(0, FOLD_ABOVE) : chosen;

  const { isOpen, getLabelProps, getMenuProps, getInputProps, highlightedIndex, getItemProps } = useCombobox<MultiSelectOption>({
    items,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.value,
    inputId,
    labelId: `${baseId}-label`,
    menuId: `${baseId}-listbox`,
    defaultHighlightedIndex: 0,
    selectedItem: null,
    inputValue: query,
    stateReducer: (state, { changes, type }) => {
      switch (type) {
        case useCombobox.stateChangeTypes.InputKeyDownEnter:
        case useCombobox.stateChangeTypes.ItemClick:
          // Stay open on the same place for the next pick.
          return { ...changes, isOpen: true, highlightedIndex: state.highlightedIndex, inputValue: '' };
        case useCombobox.stateChangeTypes.InputBlur:
          // Leaving the field chooses nothing.
          return { ...changes, selectedItem: null, inputValue: '' };
        default:
          return changes;
      }
    },
    onStateChange: ({ inputValue, type, selectedItem }) => {
      switch (type) {
        case useCombobox.stateChangeTypes.InputKeyDownEnter:
        case useCombobox.stateChangeTypes.ItemClick:
          if (selectedItem) {
            setChosen([...chosenValues, selectedItem.value]);
            setQuery('');
          }
          break;
        case useCombobox.stateChangeTypes.InputChange:
          setQuery(inputValue ?? '');
          break;
        case useCombobox.stateChangeTypes.InputBlur:
          setQuery('');
          break;
        default:
          break;
      }
    },
  });

  const remove = (item: MultiSelectOption) => setChosen(chosenValues.filter((v) => v !== item.value));
  const hidden =
    submitAs === 'comma'
      ? [<input key="all" type="hidden" name={name} value={chosenValues.join(', ')} />]
      : chosenValues.map((v) => <input key={v} type="hidden" name={name} value={v} />);
  const countId = `${baseId}-count`;

  return (
    <div className="relative">
      <label {...getLabelProps()} className="block text-sm font-medium">
        {label}
      </label>
      <div className={`mt-1 rounded-md border bg-white p-1.5 ${invalid ? 'border-red-600' : 'border-zinc-300'} focus-within:ring-2 focus-within:ring-brand-600`}>
        {chosen.length > 0 ? (
          <ul aria-label={chosenLabel} className="mb-1 flex flex-wrap gap-1.5">
            {shown.map((item, index) => (
              <li key={item.value}>
                <button
                  type="button"
                  {...getSelectedItemProps({ selectedItem: item, index, onClick: () => remove(item) })}
                  aria-label={`Remove ${item.label}`}
                  className="inline-flex items-center gap-1 rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium text-zinc-800 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                >
                  {item.label}
                  <span aria-hidden="true" className="text-zinc-600">
                    ×
                  </span>
                </button>
              </li>
            ))}
            {chosen.length > FOLD_ABOVE ? (
              <li>
                <button type="button" onClick={() => setExpanded(!expanded)} className="rounded-full px-2.5 py-1 text-xs font-medium text-zinc-700 underline">
                  {folded ? `Show all ${chosen.length}` : 'Show fewer'}
                </button>
              </li>
            ) : null}
          </ul>
        ) : null}
        <input
          {...getInputProps(
            getDropdownProps({
              // The chips folded away cannot take focus: keys that move into them are off meanwhile.
              preventKeyAction: isOpen || folded,
              placeholder,
              'aria-describedby': [countId, describedBy].filter(Boolean).join(' '),
              'aria-invalid': invalid ? true : undefined,
            }),
          )}
          className="w-full min-w-32 border-0 px-1.5 py-1 text-sm focus:outline-none"
        />
      </div>
      <p id={countId} className="sr-only">
        {chosen.length === 0 ? 'None chosen.' : `${chosen.length} chosen.`}
      </p>
      <ul
        {...getMenuProps({
          hidden: !(isOpen && items.length > 0),
          className: 'absolute z-40 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg',
        })}
      >
        {isOpen
          ? items.map((item, index) => (
              <li
                key={item.value}
                {...getItemProps({ item, index })}
                className={`cursor-pointer px-3 py-2 ${highlightedIndex === index ? 'bg-zinc-100' : ''}`}
              >
                {item.label}
              </li>
            ))
          : null}
      </ul>
      {isOpen && items.length === 0 ? (
        <p className="absolute z-40 mt-1 w-full rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700 shadow-lg">
          {query ? `Nothing matches “${query}”.` : 'All are chosen.'}
        </p>
      ) : null}
      {hidden}
    </div>
  );
}
