"use client";
import { elided } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { useAction } from "@/components/ui/use-action";
import { updateSchoolSettings } from "@/lib/actions/school-settings";
import type { SchoolSettingsView } from "@/lib/data/school-settings";
import { SCHOOL_TIME_ZONES, type TimeZoneGroup } from "@/lib/i18n/time-zones";
import { SCHOOL_SETTINGS_BOUNDS } from "@/lib/validation/school-settings";

type NumberField = "reminderAfterDays" | "reminderBeforeExpiryDays" | "reminderMaxCount";

/** One school's contact address, clock and automatic reminders; the server checks every value again. */
export function SchoolSettingsForm({ school }: { school: SchoolSettingsView }) {
  const t = useTranslations("schoolSettings");
  const id = useId();
  const describe = useErrorMessage();
  const [enabled, setEnabled] = useState(school.autoRemindersEnabled);
  const action = useAction(updateSchoolSettings, { notice: (saved) => t("saved", elided(saved.name, "school")) });
  const fieldError = (field: string) => {
    const code = action.fieldErrors?.[field]?.[0];
    return code ? describe(null, code) : null;
  };
  // A failure that is not a field's (rights, a lost connection) is said above the button.
  const formError = action.error && !action.fieldErrors ? describe(action.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const number = (name: string) => (text(name).trim() === "" ? Number.NaN : Number(text(name)));
    void action.execute({
      schoolId: school.id,
      contactEmail: text("contactEmail"),
      timeZone: text("timeZone"),
      autoRemindersEnabled: enabled,
      reminderAfterDays: number("reminderAfterDays"),
      reminderBeforeExpiryDays: number("reminderBeforeExpiryDays"),
      reminderMaxCount: number("reminderMaxCount"),
      windowStartHour: number("windowStartHour"),
      windowEndHour: number("windowEndHour"),
    });
  }

  const numberInput = (field: NumberField, label: string, help: string) => (
    <Field id={`${id}-${field}`} label={label} help={help} error={fieldError(field)}>
      {(props) => (
        <div className="w-28">
          <Input
            {...props}
            name={field}
            type="number"
            inputMode="numeric"
            step={1}
            min={SCHOOL_SETTINGS_BOUNDS[field].min}
            max={SCHOOL_SETTINGS_BOUNDS[field].max}
            defaultValue={school[field]}
          />
        </div>
      )}
    </Field>
  );

  const hourSelect = (field: "windowStartHour" | "windowEndHour", label: string) => {
    const { min, max } = SCHOOL_SETTINGS_BOUNDS[field];
    return (
      <>
        <Label htmlFor={`${id}-${field}`}>{label}</Label>
        <NativeSelect id={`${id}-${field}`} name={field} defaultValue={school[field]} aria-invalid={!!fieldError(field)}>
          {Array.from({ length: max - min + 1 }, (_, index) => (
            <option key={min + index} value={min + index}>
              {t("hour", { hour: min + index })}
            </option>
          ))}
        </NativeSelect>
      </>
    );
  };
  const windowError = fieldError("windowStartHour") ?? fieldError("windowEndHour");

  return (
    <Card aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {school.name}
        {school.city ? <span className="font-normal text-slate-600"> — {school.city}</span> : null}
      </h2>
      <form onSubmit={submit} noValidate aria-busy={action.pending} className="mt-4 flex flex-col gap-5">
        <Field id={`${id}-contactEmail`} label={t("contactEmail")} help={t("contactEmailHelp")} error={fieldError("contactEmail")}>
          {(props) => (
            <Input
              {...props}
              name="contactEmail"
              type="email"
              autoComplete="off"
              maxLength={254}
              defaultValue={school.contactEmail ?? ""}
              className="max-w-md"
            />
          )}
        </Field>

        <Field id={`${id}-timeZone`} label={t("timeZone")} help={t("timeZoneHelp")} error={fieldError("timeZone")}>
          {(props) => (
            <NativeSelect {...props} name="timeZone" defaultValue={school.timeZone} className="max-w-md">
              {/* A clock the list does not offer (set before it existed, or by an import) stays the school's until changed. */}
              {offersTimeZone(school.timeZone) ? null : <option value={school.timeZone}>{school.timeZone}</option>}
              {(Object.keys(SCHOOL_TIME_ZONES) as TimeZoneGroup[]).map((group) => (
                <optgroup key={group} label={t(`timeZoneGroups.${group}`)}>
                  {Object.entries(SCHOOL_TIME_ZONES[group]).map(([timeZone, name]) => (
                    <option key={timeZone} value={timeZone}>
                      {t(`timeZones.${name}`)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </NativeSelect>
          )}
        </Field>

        <fieldset className="flex flex-col gap-4 border-t border-slate-200 pt-4">
          <legend className="sr-only">{t("remindersTitle")}</legend>
          <div className="flex items-start gap-3">
            <Switch id={`${id}-enabled`} checked={enabled} onCheckedChange={setEnabled} aria-describedby={`${id}-enabled-help`} />
            <div>
              <Label htmlFor={`${id}-enabled`}>{t("autoReminders")}</Label>
              <p id={`${id}-enabled-help`} className="text-sm text-slate-600">
                {t("autoRemindersHelp")}
              </p>
            </div>
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            {numberInput("reminderAfterDays", t("afterDays"), t("afterDaysHelp"))}
            {numberInput("reminderBeforeExpiryDays", t("beforeExpiryDays"), t("beforeExpiryDaysHelp"))}
            {numberInput("reminderMaxCount", t("maxCount"), t("maxCountHelp"))}
          </div>
          <fieldset aria-describedby={`${id}-window-help${windowError ? ` ${id}-window-error` : ""}`}>
            <legend className="text-sm font-medium text-slate-800">{t("window")}</legend>
            <div className="mt-1 flex items-center gap-2">
              {hourSelect("windowStartHour", t("windowStart"))}
              {hourSelect("windowEndHour", t("windowEnd"))}
            </div>
            <p id={`${id}-window-help`} className="mt-1 text-sm text-slate-600">
              {t("windowHelp")}
            </p>
            {windowError ? (
              <p id={`${id}-window-error`} role="alert" className="mt-1 text-sm text-red-700">
                {windowError}
              </p>
            ) : null}
          </fieldset>
        </fieldset>

        {formError ? (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={action.pending}>
            {action.pending ? <Spinner /> : null}
            {t("save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function offersTimeZone(timeZone: string): boolean {
  return Object.values(SCHOOL_TIME_ZONES).some((zones) => Object.hasOwn(zones, timeZone));
}

type ControlProps = { id: string; "aria-describedby": string; "aria-invalid": boolean };

/** A labelled control with its help and, after a refused save, its error (announced, and linked to the control). */
function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help: string;
  error: string | null;
  children: (props: ControlProps) => ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": error ? `${id}-help ${id}-error` : `${id}-help`, "aria-invalid": !!error })}
      <p id={`${id}-help`} className="text-sm text-slate-600">
        {help}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
