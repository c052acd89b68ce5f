'use client';

import { useEffect, useRef } from 'react';

/**
 * Submits the surrounding filter form as soon as a checkbox, radio or select changes, so shoppers with JavaScript
 * need not press "Apply". Without JavaScript the form's own submit button does the same.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target instanceof HTMLSelectElement || target.type === 'checkbox' || target.type === 'radio') form.requestSubmit();
    };
    form.addEventListener('change', onChange);
    return () => form.removeEventListener('change', onChange);
  }, []);
  return <span ref={marker} hidden />;
}
