import { useMemo, useState } from 'react';
import { Alert, Checkbox, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useCreateProposedUnits } from './hooks';
import type { ImportDraft, ProposedUnitsBody } from './api';
import { useUnitSearch } from '../units/useUnitSearch';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../shared/domain';

type ProposedUnit = ImportDraft['doc']['proposedUnits'][number];

interface Row {
  key: number;
  keep: boolean;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  parentName: string | null;
  proposal: ProposedUnit;
}

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k].vi }));

/** The parent of a proposed unit: the guessed one, or any unit of the directory (by code). */
function ParentSelect({
  value,
  label,
  onChange,
  name,
}: {
  value: string | null;
  label: string | null;
  onChange: (code: string | null, name: string | null) => void;
  name: string;
}) {
  const [open, setOpen] = useState(false);
  const { setSearch, list, selectProps } = useUnitSearch({ enabled: open });
  const options = useMemo(() => {
    const found = (list.data?.items ?? []).map((u) => ({ value: u.code, label: u.name, unit: u }));
    if (value && !found.some((o) => o.value === value))
      found.unshift({
        value,
        label: label ?? value,
        unit: { code: value, name: label ?? value, active: true } as never,
      });
    return found;
  }, [list.data, value, label]);
  return (
    <Select<string>
      aria-label={`Đơn vị cấp trên của “${name}”`}
      placeholder={label ? `${label} (chưa có trong danh mục)` : 'Không có đơn vị cấp trên'}
      value={value ?? undefined}
      allowClear
      style={{ width: '100%', minWidth: 220 }}
      open={open}
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v) }}
      options={options}
      onChange={(code: string | undefined) =>
        onChange(code ?? null, options.find((o) => o.value === code)?.label ?? null)
      }
      {...selectProps}
      onOpenChange={(o) => {
        setOpen(o);
        selectProps.onOpenChange(o);
      }}
    />
  );
}

/**
 * "Tạo các đơn vị đề xuất": the bodies the directory does not know, with the name, kind and parent
 * guessed from the text; the person edits or skips each, then one request creates them all and maps
 * the draft's mentions to them. A proposal that is probably another one's variant starts skipped
 * and its texts go to that one.
 */
export function ProposedUnitsModal({
  draft,
  open,
  onClose,
  onDone,
}: {
  draft: ImportDraft;
  open: boolean;
  onClose: () => void;
  onDone: (created: number, mapped: number) => void;
}) {
  const create = useCreateProposedUnits(draft.id);
  const initial = (): Row[] =>
    draft.doc.proposedUnits.map((p, i) => ({
      key: i,
      keep: !p.variantOf,
      name: p.name,
      kind: p.kind,
      parentCode: p.parentCode,
      parentName: p.parentName,
      proposal: p,
    }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [seenVersion, setSeenVersion] = useState(draft.version);
  if (seenVersion !== draft.version) {
    setSeenVersion(draft.version);
    setRows(initial());
  }
  const set = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const kept = rows.filter((r) => r.keep && r.name.trim());

  const submit = () => {
    // A skipped variant's texts go to the proposal it is a variant of, when that one is kept.
    const units: ProposedUnitsBody['units'] = kept.map((r) => ({
      name: r.name.trim(),
      kind: r.kind,
      parentCode: r.parentCode,
      texts: [
        ...r.proposal.texts,
        ...rows
          .filter((v) => !v.keep && v.proposal.variantOf === r.proposal.name)
          .flatMap((v) => v.proposal.texts),
      ],
    }));
    create.mutate(
      { version: draft.version, units },
      {
        onSuccess: (res) => {
          onDone(res.created, res.mapped);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title="Tạo các đơn vị đề xuất"
      open={open}
      width={1100}
      onCancel={onClose}
      onOk={submit}
      okText={`Tạo ${kept.length} đơn vị`}
      cancelText="Để sau"
      okButtonProps={{ disabled: kept.length === 0, loading: create.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Các cơ quan văn bản nêu mà danh mục chưa có. Tên, loại và đơn vị cấp trên được đoán từ tên; sửa nếu
        cần, bỏ chọn cơ quan không cần tạo. Đơn vị đã có cùng tên được ghép, không tạo lại.
      </Typography.Paragraph>
      {create.error != null && <ApiErrorAlert error={create.error} />}
      {rows.some((r) => r.proposal.variantOf) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="Có tên có thể là cùng một cơ quan: tên đó được bỏ chọn và ghép vào cơ quan kia; chọn lại nếu là hai cơ quan khác nhau."
        />
      )}
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ y: 480 }}
        columns={[
          {
            title: 'Tạo',
            width: 56,
            render: (_, r) => (
              <Checkbox
                checked={r.keep}
                aria-label={`Tạo “${r.name}”`}
                onChange={(e) => set(r.key, { keep: e.target.checked })}
              />
            ),
          },
          {
            title: 'Tên đơn vị',
            render: (_, r) => (
              <>
                <Input
                  aria-label={`Tên đơn vị đề xuất ${r.key + 1}`}
                  value={r.name}
                  maxLength={300}
                  disabled={!r.keep}
                  onChange={(e) => set(r.key, { name: e.target.value })}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Văn bản viết: {r.proposal.texts.map((t) => `“${t}”`).join(', ')} · {r.proposal.mentions} lần
                </Typography.Text>
                {r.proposal.variantOf && (
                  <div>
                    <Tag color="orange">Có thể trùng với “{r.proposal.variantOf}”</Tag>
                  </div>
                )}
              </>
            ),
          },
          {
            title: 'Loại',
            width: 220,
            render: (_, r) => (
              <Select<UnitKind>
                aria-label={`Loại của “${r.name}”`}
                value={r.kind}
                options={KIND_OPTIONS}
                disabled={!r.keep}
                style={{ width: '100%' }}
                onChange={(kind) => set(r.key, { kind })}
              />
            ),
          },
          {
            title: 'Đơn vị cấp trên',
            width: 300,
            render: (_, r) => (
              <ParentSelect
                name={r.name}
                value={r.parentCode}
                label={r.parentName}
                onChange={(parentCode, parentName) => set(r.key, { parentCode, parentName })}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
