import { expect, type Locator, type Page } from '@playwright/test';

/** A date field of the kit (components/ui/date-picker.tsx): a text box for a typed date and a calendar in a popover. */
export class DatePickerField {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
    readonly label: string,
  ) {}

  /** The text box, named by its label (an optional field's label ends "(optional)"). */
  get field(): Locator {
    return this.scope.getByRole('textbox', { name: new RegExp(`^${escape(this.label)}( \\(optional\\))?$`) });
  }

  get button(): Locator {
    return this.scope.getByRole('button', { name: `${this.label}: choose from a calendar` });
  }

  get time(): Locator {
    return this.scope.getByLabel(`${this.label}, time`);
  }

  /** The open calendar (a popover outside the form, named after the field). */
  get calendar(): Locator {
    return this.page.getByRole('dialog', { name: `${this.label}: calendar` });
  }

  async open() {
    await this.button.click();
    await expect(this.calendar).toBeVisible();
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
