import type { Lang, Schedule, ScheduledShow, Weekday } from '@snowstage/protocol';
import { WEEKDAYS } from '@snowstage/protocol';

/** Local wall-clock fields of an instant in a time zone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function localTime(epochMs: number, tz: string): LocalTime {
  const parts = Object.fromEntries(fmt(tz).formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
  };
}

/** "21:00": the wall-clock time of an instant in `tz`. */
export function clockText(epochMs: number, tz: string): string {
  const t = localTime(epochMs, tz);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The instant of a local date and time in `tz`. */
export function zonedEpoch(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const t = localTime(guess, tz);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  return guess - (asUtc - guess);
}

export interface ShowOccurrence {
  show: ScheduledShow;
  startsAt: number;
  endsAt: number;
}

/** Every show occurrence overlapping [from, from + days), earliest first. */
export function occurrences(schedule: Schedule, from: number, days = 8): ShowOccurrence[] {
  const out: ShowOccurrence[] = [];
  const tz = schedule.timezone;
  for (let d = -1; d < days; d++) {
    const day = localTime(from + d * 86_400_000, tz);
    for (const show of schedule.shows) {
      if (!show.days.includes(day.weekday)) continue;
      const [h, m] = show.start.split(':').map(Number) as [number, number];
      const startsAt = zonedEpoch(day.year, day.month, day.day, h, m, tz);
      const endsAt = startsAt + show.durationMin * 60_000;
      if (endsAt > from && !out.some((o) => o.show.id === show.id && o.startsAt === startsAt)) out.push({ show, startsAt, endsAt });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}

const ZH_DAYS: Record<Weekday, string> = { sun: '周日', mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六' };
const EN_DAYS: Record<Weekday, string> = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };

export function dayName(d: Weekday, lang: Lang): string {
  return lang === 'zh' ? ZH_DAYS[d] : EN_DAYS[d];
}

/** "每天" / "周六、周日" / "every day" / "Saturday and Sunday". */
export function daysText(days: readonly Weekday[], lang: Lang): string {
  if (days.length === 7) return lang === 'zh' ? '每天' : 'every day';
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  if (lang === 'zh') return '每' + sorted.map((d) => ZH_DAYS[d]).join('、');
  const names = sorted.map((d) => EN_DAYS[d]);
  return 'every ' + (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]);
}

/** Whole minutes from now until `at`, rounded up (at least 1). */
export function minutesUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 60_000));
}
