import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../electron/contract/permissions';
import type { StaffUser } from '../../../../electron/contract/users';
import { useAuth } from '../../auth/use-auth';
import { roleOptions } from './role-options';
import { useDepartments } from './use-departments';
import { useUpdateUser } from './use-update-user';

interface EditUserModalProps {
  user: StaffUser | null;
  onClose: () => void;
}

export function EditUserModal({ user, onClose }: EditUserModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={user !== null}
      title={user ? t('settings.users.editTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={440}
    >
      {/* Keyed by id and version so a reopened dialog starts from the latest saved values. */}
      {user && <EditUserForm key={`${user.id}-${user.version}`} user={user} onClose={onClose} />}
    </Modal>
  );
}

function EditUserForm({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const departments = useDepartments();
  const update = useUpdateUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [departmentId, setDepartmentId] = useState<number | null>(user.departmentId);
  const self = user.id === me.id;
  const nameMissing = displayName.trim() === '';

  const save = () => {
    update.mutate(
      { id: user.id, version: user.version, displayName: displayName.trim(), role, departmentId },
      { onSuccess: onClose },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!nameMissing) save();
      }}
    >
      <Form layout="vertical" component={false}>
        <Form.Item
          label={t('settings.users.displayName')}
          htmlFor="edit-user-name"
          required
          validateStatus={nameMissing ? 'error' : undefined}
          help={nameMissing ? t('settings.users.nameRequired') : undefined}
        >
          <Input id="edit-user-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Form.Item>
        <Form.Item
          label={t('settings.users.role')}
          htmlFor="edit-user-role"
          extra={self ? t('settings.users.ownRoleLocked') : undefined}
        >
          {/* Main refuses an administrator taking away their own admin role; do not offer it. */}
          <Select
            id="edit-user-role"
            value={role}
            onChange={setRole}
            options={roleOptions(t)}
            disabled={self}
          />
        </Form.Item>
        <Form.Item label={t('settings.users.department')} htmlFor="edit-user-department">
          <Select
            id="edit-user-department"
            value={departmentId ?? undefined}
            onChange={(v) => setDepartmentId(v ?? null)}
            allowClear
            placeholder={t('settings.users.noDepartment')}
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <div className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={update.isPending} disabled={nameMissing}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </form>
  );
}
