import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/units.js';
import * as service from './units.service.js';

export const unitRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(contract.Unit);
  const tags = ['units'];

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Danh mục đơn vị (tìm không phân biệt hoa thường, dấu)',
        querystring: contract.UnitListQuery,
        response: responses({ 200: contract.UnitPage }),
      },
    },
    async (req) => service.listUnits(deps, req.ctx, req.query),
  );

  app.get(
    '/api/units/export.csv',
    {
      schema: {
        tags,
        summary: 'Xuất danh mục đơn vị ra CSV (UTF-8 có BOM)',
        response: responses({ 200: contract.UnitsCsvFile }),
      },
    },
    async (req, reply) => {
      const csv = await service.exportUnitsCsv(deps, req.ctx);
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
      bodyLimit: contract.UNITS_CSV_MAX_BYTES,
      schema: {
        tags,
        summary: 'Nhập danh mục đơn vị từ CSV (tất cả hoặc không dòng nào)',
        consumes: ['text/csv'],
        body: contract.UnitsCsvBody,
        response: responses({ 200: contract.UnitImportResult }),
      },
    },
    async (req) => service.importUnitsCsv(deps, req.ctx, req.body),
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Thêm đơn vị',
        body: contract.UnitCreateBody,
        response: responses({ 201: contract.UnitRef }),
      },
    },
    async (req, reply) => reply.code(201).send(await service.createUnit(deps, req.ctx, req.body)),
  );

  app.get(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết đơn vị',
        params: IdParams,
        response: responses({ 200: contract.UnitRef }),
      },
    },
    async (req) => service.getUnit(deps, req.ctx, req.params.id),
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đơn vị',
        params: IdParams,
        body: contract.UnitPatchBody,
        response: responses({ 200: contract.UnitRef }),
      },
    },
    async (req) => service.updateUnit(deps, req.ctx, req.params.id, req.body),
  );

  app.patch(
    '/api/units/:id/contact',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin liên hệ của đơn vị (đơn vị chỉ sửa của mình)',
        params: IdParams,
        body: contract.UnitContactBody,
        response: responses({ 200: contract.UnitRef }),
      },
    },
    async (req) => service.updateUnitContact(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/units/:id/members',
    {
      schema: {
        tags,
        summary: 'Người dùng thuộc đơn vị',
        params: IdParams,
        response: responses({ 200: contract.UnitMembers }),
      },
    },
    async (req) => service.listUnitMembers(deps, req.ctx, req.params.id),
  );
};
