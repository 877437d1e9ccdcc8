import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import {
  ActiveFilter,
  IdParams,
  Limit,
  NullableText,
  Offset,
  Text,
  Uuid,
  responses,
  Email,
  Nullable,
} from '../../contract/common.js';
import { UNIT_KINDS } from '../../domain/units.js';
import { LIMITS, UNIT_CODE_PATTERN } from '../../domain/limits.js';
import {
  MAX_CSV_BYTES,
  createUnit,
  exportUnitsCsv,
  getUnit,
  importUnitsCsv,
  listUnitMembers,
  listUnits,
  updateUnit,
  updateUnitContact,
} from './units.service.js';

const Kind = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));
const Code = Type.String({ pattern: UNIT_CODE_PATTERN });
const Phone = Type.Union([
  Type.String({ maxLength: LIMITS.phone, pattern: '^[0-9+().\\s-]*$' }),
  Type.Null(),
]);

const UnitSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    shortName: Nullable(Type.String()),
    kind: Type.String(),
    parentId: Nullable(Type.String()),
    parentName: Nullable(Type.String()),
    active: Type.Boolean(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Unit', title: 'Unit' },
);
const UnitRef = Type.Ref('Unit');

const CreateBody = Type.Object(
  {
    code: Code,
    name: Text(LIMITS.unitName, 1),
    shortName: Type.Optional(NullableText(LIMITS.unitShortName)),
    kind: Kind,
    parentId: Type.Optional(Nullable(Uuid)),
    active: Type.Optional(Type.Boolean()),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    address: Type.Optional(NullableText(LIMITS.address)),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    code: Type.Optional(Code),
    name: Type.Optional(Text(LIMITS.unitName, 1)),
    shortName: Type.Optional(NullableText(LIMITS.unitShortName)),
    kind: Type.Optional(Kind),
    parentId: Type.Optional(Nullable(Uuid)),
    active: Type.Optional(Type.Boolean()),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    address: Type.Optional(NullableText(LIMITS.address)),
  },
  { additionalProperties: false },
);
const ContactBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    address: Type.Optional(NullableText(LIMITS.address)),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: LIMITS.search })),
  kind: Type.Optional(Kind),
  active: ActiveFilter,
  parentId: Type.Optional(Uuid),
  limit: Limit(1000, 50),
  offset: Offset,
});
const Member = Type.Object({
  id: Type.String(),
  username: Type.String(),
  fullName: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
});
const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});

export const unitRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(UnitSchema);
  const tags = ['units'];

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Danh mục đơn vị (tìm không phân biệt hoa thường, dấu)',
        querystring: ListQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(UnitRef), total: Type.Integer() }) }),
      },
    },
    async (req) => listUnits(deps, req.ctx, req.query),
  );

  app.get(
    '/api/units/export.csv',
    {
      schema: {
        tags,
        summary: 'Xuất danh mục đơn vị ra CSV (UTF-8 có BOM)',
        response: responses({ 200: Type.String() }),
      },
    },
    async (req, reply) => {
      const csv = await exportUnitsCsv(deps, req.ctx);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="danh-muc-don-vi-${day}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/api/units/import',
    {
      bodyLimit: MAX_CSV_BYTES,
      schema: {
        tags,
        summary: 'Nhập danh mục đơn vị từ CSV (tất cả hoặc không dòng nào)',
        consumes: ['text/csv'],
        body: Type.String({ maxLength: MAX_CSV_BYTES }),
        response: responses({ 200: ImportResult }),
      },
    },
    async (req) => importUnitsCsv(deps, req.ctx, req.body),
  );

  app.post(
    '/api/units',
    { schema: { tags, summary: 'Thêm đơn vị', body: CreateBody, response: responses({ 201: UnitRef }) } },
    async (req, reply) => reply.code(201).send(await createUnit(deps, req.ctx, req.body)),
  );

  app.get(
    '/api/units/:id',
    { schema: { tags, summary: 'Chi tiết đơn vị', params: IdParams, response: responses({ 200: UnitRef }) } },
    async (req) => getUnit(deps, req.ctx, req.params.id),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đơn vị',
        params: IdParams,
        body: PatchBody,
        response: responses({ 200: UnitRef }),
      },
    },
    async (req) => updateUnit(deps, req.ctx, req.params.id, req.body),
  );

  app.patch(
    '/api/units/:id/contact',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin liên hệ của đơn vị (đơn vị chỉ sửa của mình)',
        params: IdParams,
        body: ContactBody,
        response: responses({ 200: UnitRef }),
      },
    },
    async (req) => updateUnitContact(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/units/:id/members',
    {
      schema: {
        tags,
        summary: 'Người dùng thuộc đơn vị',
        params: IdParams,
        response: responses({ 200: Type.Object({ items: Type.Array(Member) }) }),
      },
    },
    async (req) => listUnitMembers(deps, req.ctx, req.params.id),
  );
};
