import { Button, Popover, Typography } from 'antd';
import { Link } from 'react-router';
import { matchLabel } from './labels';
import type { UnitLookup } from '../units/useUnitNames';
import type { Unit } from '../../api/types';
import { InfoTag } from '../../layout/InfoTag';

/** A named body as extracted: a draft has unit codes, a published program also unit ids. */
export interface MentionLike {
  text: string;
  match: string;
  unitCodes: string[];
  unitIds?: string[];
}

export function MatchTag({ match }: { match: string }) {
  const m = matchLabel(match);
  return <InfoTag info={m} className="match-tag" />;
}

export function mentionUnits(m: MentionLike, units: UnitLookup): Unit[] {
  const found = m.unitIds?.length
    ? m.unitIds.map((id) => units.byId(id))
    : m.unitCodes.map((c) => units.byCode(c));
  return found.filter((u): u is Unit => !!u);
}

function UnitList({ units }: { units: Unit[] }) {
  return (
    <ul className="mention-unit-list">
      {units.map((u) => (
        <li key={u.id}>
          <Link to={`/don-vi/${u.id}`}>{u.name}</Link>
        </li>
      ))}
    </ul>
  );
}

/** "Sở Tư pháp [khớp chính xác]", with the matched unit (or units, for a collective) linked. */
export function Mention({ mention, units }: { mention: MentionLike; units: UnitLookup }) {
  const matched = mentionUnits(mention, units);
  const count = Math.max(matched.length, mention.unitCodes.length);
  return (
    <span className="mention">
      <span className="mention-text">{mention.text}</span> <MatchTag match={mention.match} />
      {matched.length === 1 && matched[0]!.name !== mention.text && (
        <Typography.Text type="secondary" className="mention-unit">
          → <Link to={`/don-vi/${matched[0]!.id}`}>{matched[0]!.name}</Link>
        </Typography.Text>
      )}
      {count > 1 && (
        <Popover
          title={`${count} đơn vị`}
          content={<UnitList units={matched} />}
          trigger="click"
          styles={{ container: { maxHeight: 360, overflowY: 'auto' } }}
        >
          <Button type="link" size="small" className="mention-units-button">
            {count} đơn vị
          </Button>
        </Popover>
      )}
    </span>
  );
}

/** One mention per line; an em dash when there is none. */
export function MentionList({ mentions, units }: { mentions: MentionLike[]; units: UnitLookup }) {
  if (mentions.length === 0) return <>—</>;
  return (
    <ul className="mention-list">
      {mentions.map((m, i) => (
        <li key={`${m.text}-${i}`}>
          <Mention mention={m} units={units} />
        </li>
      ))}
    </ul>
  );
}
