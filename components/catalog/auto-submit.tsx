'use client';

import { useEffect, useRef } from 'react';

/**
 * Submits the surrounding filter form as soon as a field changes — a checkbox or select at once, a typed price when
 * the shopper leaves the field or presses Enter — so shoppers with JavaScript need not press "Apply". Without
 * JavaScript the form's own submit button does the same. Empty fields are left out of the address.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const onChange = () => form.requestSubmit();
    const onFormData = (event: FormDataEvent) => {
      for (const [name, value] of [...event.formData.entries()]) if (value === '') event.formData.delete(name);
    };
    form.addEventListener('change', onChange);
    form.addEventListener('formdata', onFormData);
    // A box ticked (or a sort chosen) before the page had run: apply it now.
    const changedEarly = [...form.elements].some(
      (element) =>
        (element instanceof HTMLInputElement && element.type === 'checkbox' && element.checked !== element.defaultChecked) ||
        (element instanceof HTMLSelectElement && [...element.options].some((option) => option.selected !== option.defaultSelected)),
    );
    if (changedEarly) form.requestSubmit();
    return () => {
      form.removeEventListener('change', onChange);
      form.removeEventListener('formdata', onFormData);
    };
  }, []);
  return <span ref={marker} hidden />;
}
