import { describe, expect, it } from 'vitest';
import {
  authorizeMutation,
  type CurrentRecord,
  changedFields,
  checkMutation,
  editableFields,
  mergeMutation,
  PushRequest,
  sameValue,
} from '../../protocol';

const ID = '6f1c2b9e-2a7c-4e8a-9f00-000000000001';
const live = (fields: Record<string, unknown>, version = 5): CurrentRecord => ({
  id: ID,
  version,
  deleted: false,
  ...fields,
});
const upsert = (baseVersion: number, fields: Record<string, [unknown, unknown]>) => ({
  id: ID,
  op: 'upsert' as const,
  baseVersion,
  fields: Object.fromEntries(
    Object.entries(fields).map(([k, [base, value]]) => [k, { base, value }]),
  ),
});

describe('mergeMutation', () => {
  it('creates a record from the fields when there is none', () => {
    expect(mergeMutation(null, upsert(0, { name: [null, 'Neu'] }))).toEqual({
      next: { id: ID, name: 'Neu' },
      applied: ['name'],
      conflicts: [],
    });
  });

  it('applies fields whose base still matches and reports the others', () => {
    const out = mergeMutation(
      live({ name: 'A', phone: '1', tags: ['x', 'y'] }),
      upsert(3, { name: ['A', 'B'], phone: ['0', '2'], tags: [['x', 'y'], ['y']] }),
    );
    expect(out.next).toMatchObject({ name: 'B', phone: '1', tags: ['y'] });
    expect(out.applied).toEqual(['name', 'tags']);
    expect(out.conflicts).toEqual([{ field: 'phone', server: '1', client: '2', base: '0' }]);
  });

  it('treats absent and null alike and compares structurally', () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
    const out = mergeMutation(live({}), upsert(5, { legal_basis: [null, '§16i SGB II'] }));
    expect(out.next).toMatchObject({ legal_basis: '§16i SGB II' });
  });

  it('changes nothing (next: null) when every value is already there', () => {
    const out = mergeMutation(live({ name: 'B' }), upsert(1, { name: ['A', 'B'] }));
    expect(out).toEqual({ next: null, applied: ['name'], conflicts: [] });
  });

  it('deletes only when nobody else changed the record since baseVersion', () => {
    const del = { id: ID, op: 'delete' as const, baseVersion: 5, fields: {} };
    expect(mergeMutation(live({ name: 'A' }, 5), del).next).toMatchObject({ deleted: true });
    expect(mergeMutation(live({ name: 'A' }, 6), del)).toEqual({
      next: null,
      applied: [],
      conflicts: [{ field: 'deleted', server: false, client: true, base: false }],
    });
    // The server knows the newer version was the same client's own write.
    expect(mergeMutation(live({ name: 'A' }, 6), del, { concurrent: false }).next).toMatchObject({
      deleted: true,
    });
    expect(mergeMutation(null, del)).toEqual({ next: null, applied: [], conflicts: [] });
    expect(mergeMutation({ ...live({}), deleted: true }, del).next).toBeNull();
  });

  it('does not resurrect a tombstone silently, but restores on purpose', () => {
    const tomb = { ...live({ name: 'A' }, 9), deleted: true };
    expect(mergeMutation(tomb, upsert(5, { name: ['A', 'B'] })).conflicts).toEqual([
      { field: 'deleted', server: true, client: false, base: false },
    ]);
    const restored = mergeMutation(tomb, upsert(9, { name: ['A', 'B'] }));
    expect(restored.next).toMatchObject({ deleted: false, name: 'B' });
    expect(restored.applied).toEqual(['deleted', 'name']);
  });

  it('ignores server-managed fields even if a caller passes them', () => {
    const out = mergeMutation(
      live({ name: 'A' }),
      upsert(5, { version: [5, 99], name: ['A', 'B'] }),
    );
    expect(out.next).toMatchObject({ version: 5, name: 'B' });
  });
});

describe('checkMutation, authorizeMutation, schemas', () => {
  it('lists editable fields without the server-managed ones', () => {
    const fields = editableFields('services');
    expect(fields).toContain('name');
    expect(fields).toContain('visibility');
    for (const f of ['id', 'version', 'updated_at', 'updated_by', 'deleted']) {
      expect(fields).not.toContain(f);
    }
  });

  it('checks the shape of a mutation with German messages', () => {
    const ok = checkMutation({
      mutationId: 'm',
      table: 'contacts',
      id: ID,
      op: 'delete',
      baseVersion: 3,
    });
    expect(ok).toMatchObject({ ok: true, mutation: { fields: {} } });
    const bad = checkMutation({
      mutationId: 'm',
      table: 'contacts',
      id: ID,
      op: 'upsert',
      baseVersion: -1,
    });
    expect(bad).toEqual({
      ok: false,
      errors: [
        {
          field: 'baseVersion',
          code: 'too_small',
          message: 'Mindestens 0',
          key: 'tooSmall',
          params: { min: 0 },
        },
      ],
    });
  });

  it('authorises by role, table and operation', () => {
    expect(authorizeMutation(null, 'services', 'upsert', true)?.code).toBe('unauthenticated');
    expect(authorizeMutation('worker', 'services', 'upsert', false)?.code).toBe('forbidden');
    expect(authorizeMutation('worker', 'referrals', 'upsert', false)).toBeNull();
    expect(authorizeMutation('worker', 'referrals', 'upsert', true)?.code).toBe('append_only');
    expect(authorizeMutation('coordinator', 'referrals', 'delete', true)?.code).toBe('append_only');
    expect(authorizeMutation('coordinator', 'schedules', 'delete', true)).toBeNull();
    expect(authorizeMutation('admin', 'locations', 'upsert', true)).toBeNull();
  });

  it('describes a push request for clients', () => {
    const parsed = PushRequest.safeParse({
      clientId: 'c',
      mutations: [{ mutationId: 'm', table: 'services', id: ID, op: 'delete', baseVersion: 1 }],
    });
    expect(parsed.success).toBe(true);
  });

  it('reports changed fields for the audit trail, not bookkeeping', () => {
    expect(
      changedFields(
        { id: ID, name: 'A', version: 1, updated_at: 'x' },
        { id: ID, name: 'B', version: 2, updated_at: 'y' },
      ),
    ).toEqual(['name']);
  });
});
