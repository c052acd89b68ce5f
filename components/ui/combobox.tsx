'use client';

import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { type ChangeEvent, type InputHTMLAttributes, type ReactNode, useEffect, useId, useLayoutEffect, useRef } from 'react';

// A text input with a popup list of suggestions: the WAI-ARIA 1.2 combobox pattern ("editable combobox with list
// autocomplete", APG), built on downshift's useCombobox, which owns the roles, ids, aria-activedescendant and the
// keys. Focus stays in the input. ↓/↑ move through the options (and open the list), Home/End jump to the first or last
// while the list is open, Enter picks the active option or, with none active, submits the surrounding form as typed;
// Escape closes the list, and a second Escape clears the text; Tab leaves. A pointer press on the list does not blur
// the input. The list is grouped (role="group" with a label); the options are one flat sequence for the keys.
//
// The popup is positioned against the input in the viewport (fixed): on a phone it spans the screen's width
// under the header, on a wide screen it drops from the input.

export type ComboboxOption = { id: string; content: ReactNode; textValue: string };
export type ComboboxSection = { id: string; label: string; options: ComboboxOption[] };

type ComboboxProps = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  sections: ComboboxSection[];
  onPick: (option: ComboboxOption) => void;
  /** Announced to screen readers when the list changes, e.g. "6 suggestions". */
  status: string;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'role'>;
};

type Placement = { top: number; left: number; width: number };

function placementFor(input: HTMLInputElement): Placement {
  const rect = input.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  const margin = 8;
  if (viewport < 640) return { top: rect.bottom + 6, left: margin, width: viewport - margin * 2 };
  const width = Math.min(Math.max(rect.width, 384), viewport - margin * 2);
  return { top: rect.bottom + 6, left: Math.min(rect.left, viewport - width - margin), width };
}

const { stateChangeTypes } = useCombobox;
type DownshiftKeyboardEvent = KeyboardEvent & { preventDownshiftDefault?: boolean };

/**
 * What the combobox does differently from downshift's defaults: picking never writes the option's text into the
 * input (the caller decides, in onPick); leaving the input never picks the active option (a shopper tabbing away
 * has not chosen anything); clicking the input opens the list rather than toggling it; and with nothing to show,
 * the list counts as closed, so Escape clears the text at once.
 */
function stateReducer(state: UseComboboxState<ComboboxOption>, { type, changes, props }: UseComboboxStateChangeOptions<ComboboxOption>) {
  switch (type) {
    case stateChangeTypes.InputKeyDownEnter:
    case stateChangeTypes.ItemClick:
      return { ...changes, inputValue: state.inputValue };
    case stateChangeTypes.InputBlur:
      return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
    case stateChangeTypes.InputClick:
      return { ...changes, isOpen: true };
    case stateChangeTypes.InputKeyDownEscape:
      return state.isOpen && props.items.length === 0 ? { ...changes, selectedItem: null, inputValue: '' } : changes;
    default:
      return changes;
  }
}

export function Combobox({ label, value, onValueChange, sections, onPick, status, inputProps }: ComboboxProps) {
  const baseId = useId();
  const inputId = inputProps?.id ?? `${baseId}-input`;
  const menuId = `${baseId}-listbox`;
  const visibleSections = sections.filter((section) => section.options.length > 0);
  const options = visibleSections.flatMap((section) => section.options);
  // Where each section's options start in the flat sequence the keys move through.
  const offsets = visibleSections.map((_, at) => visibleSections.slice(0, at).reduce((sum, section) => sum + section.options.length, 0));
  const optionDomId = (index: number) => `${baseId}-option-${index}`;

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps, openMenu, closeMenu, setHighlightedIndex } = useCombobox<ComboboxOption>({
    items: options,
    itemToString: (option) => option?.textValue ?? '',
    itemToKey: (option) => option?.id,
    inputValue: value,
    onInputValueChange: ({ inputValue }) => onValueChange(inputValue),
    // Nothing stays selected: every pick is an action (go to the search, the category, the product).
    selectedItem: null,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onPick(selectedItem);
    },
    stateReducer,
    inputId,
    labelId: `${baseId}-label`,
    menuId,
    getItemId: optionDomId,
  });
  const expanded = isOpen && options.length > 0;
  const active = expanded && highlightedIndex >= 0 ? highlightedIndex : -1;

  // New suggestions start with none active until the shopper moves into them: an answer arriving after an arrow
  // press must not leave Enter pointing at whatever now sits in that place.
  const optionKeys = options.map((option) => option.id).join('\n');
  const shownKeys = useRef(optionKeys);
  useEffect(() => {
    if (shownKeys.current === optionKeys) return;
    shownKeys.current = optionKeys;
    if (highlightedIndex >= 0) setHighlightedIndex(-1);
  }, [optionKeys, highlightedIndex, setHighlightedIndex]);

  // The popup follows the input (fixed in the viewport): placed straight on the element, before paint, and again on
  // every resize or scroll while open.
  useLayoutEffect(() => {
    if (!expanded) return;
    const place = () => {
      const input = document.getElementById(inputId);
      const menu = document.getElementById(menuId);
      if (!(input instanceof HTMLInputElement) || !menu) return;
      const { top, left, width } = placementFor(input);
      Object.assign(menu.style, { top: `${top}px`, left: `${left}px`, width: `${width}px` });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
    };
  }, [expanded, inputId, menuId]);

  return (
    <>
      <label {...getLabelProps()} className="sr-only">
        {label}
      </label>
      <input
        {...getInputProps({
          ...inputProps,
          id: inputId,
          // The list counts as expanded only when it shows something.
          'aria-expanded': expanded,
          'aria-activedescendant': active >= 0 ? optionDomId(active) : undefined,
          // The text is the caller's state, updated in the keystroke's own event: downshift reports input changes
          // from an effect, and a keystroke landing before that effect ran would be undone by the stale value.
          onChange: (event: ChangeEvent<HTMLInputElement>) => onValueChange(event.target.value),
          onFocus: (event) => {
            inputProps?.onFocus?.(event);
            openMenu();
          },
          onKeyDown: (event) => {
            inputProps?.onKeyDown?.(event);
            const native = event.nativeEvent as DownshiftKeyboardEvent;
            if (event.defaultPrevented) {
              native.preventDownshiftDefault = true;
            } else if (event.key === 'Enter' && active < 0) {
              // Enter with no option active is the shopper's own text: the form submits it.
              native.preventDownshiftDefault = true;
              closeMenu();
            }
          },
        })}
      />
      <div
        {...getMenuProps({
          // Kept in the DOM (hidden when closed) so aria-controls always names an element.
          hidden: !expanded,
          // A press on a group heading or the padding must not take focus from the input either.
          onMouseDown: (event) => event.preventDefault(),
          style: { position: 'fixed' },
          className: 'z-50 max-h-[70vh] overflow-y-auto rounded-lg border border-zinc-200 bg-white py-2 text-left shadow-lg',
        })}
      >
        {visibleSections.map((section, at) => (
          <div key={section.id} role="group" aria-labelledby={`${baseId}-${section.id}`} className="py-1">
            <div id={`${baseId}-${section.id}`} role="presentation" className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600">
              {section.label}
            </div>
            {section.options.map((option, position) => {
              const optionIndex = offsets[at]! + position;
              return (
                <div
                  key={option.id}
                  {...getItemProps({ item: option, index: optionIndex })}
                  className={`cursor-pointer px-3 py-2 text-sm ${optionIndex === active ? 'bg-zinc-100' : ''}`}
                >
                  {option.content}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p role="status" className="sr-only">
        {expanded ? status : ''}
      </p>
    </>
  );
}
