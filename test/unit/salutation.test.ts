import { describe, expect, it } from 'vitest';
import { companyShortName, salutation } from '../../electron/common/salutation';
import { surnameOf } from '../../electron/common/surname';
import { renderScript } from '../../electron/domain/callbacks/script';

const person = { isCompany: false, contactPerson: null, contactTitle: null } as const;
const company = { name: '惠州市宏图贸易有限公司', gender: null, isCompany: true } as const;

describe('salutation', () => {
  it('greets a person by surname and 先生/女士, the whole name when the gender is unknown', () => {
    expect(salutation({ ...person, name: '张伟', gender: 'male' })).toBe('张先生');
    expect(salutation({ ...person, name: '李娜', gender: 'female' })).toBe('李女士');
    expect(salutation({ ...person, name: '欧阳娜娜', gender: 'female' })).toBe('欧阳女士');
    expect(salutation({ ...person, name: '陈飞昊', gender: null })).toBe('陈飞昊');
    expect(salutation({ ...person, name: 'David Chen', gender: 'male' })).toBe('David Chen先生');
  });

  it('greets a company through its contact person, never by its registered name', () => {
    expect(salutation({ ...company, contactPerson: '李明', contactTitle: '经理' })).toBe('宏图贸易 李经理');
    expect(salutation({ ...company, gender: 'male', contactPerson: '李明', contactTitle: null })).toBe(
      '李明先生',
    );
    expect(salutation({ ...company, contactPerson: '李明', contactTitle: null })).toBe('宏图贸易 李明');
    expect(salutation({ ...company, contactPerson: null, contactTitle: '车队队长' })).toBe(
      '宏图贸易 车队队长',
    );
    expect(salutation({ ...company, contactPerson: ' ', contactTitle: null })).toBe('宏图贸易负责人');
  });

  it('shortens a company name to what people call it', () => {
    expect(companyShortName('惠州市宏图贸易有限公司')).toBe('宏图贸易');
    expect(companyShortName('广东省惠州市惠城区顺达物流股份有限公司')).toBe('顺达物流');
    expect(companyShortName('华为技术有限公司')).toBe('华为技术');
    expect(companyShortName('城市之光文化传媒有限公司')).toBe('城市之光文化传媒');
    expect(companyShortName('深圳市公司')).toBe('深圳市');
    expect(surnameOf('司马光')).toBe('司马');
    expect(surnameOf('马光')).toBe('马');
  });

  it('is what a script greeting reads', () => {
    const values = {
      name: '惠州市宏图贸易有限公司',
      title: '',
      salutation: salutation({ ...company, contactPerson: '李明', contactTitle: '经理' }),
      model: '帕萨特',
      plate: null,
      mileage: null,
      deliveryDate: null,
      visitDate: null,
      advisor: null,
      store: '本店',
    };
    expect(renderScript('{name}{title}您好，您的{model}', values)).toBe('宏图贸易 李经理您好，您的帕萨特');
    expect(renderScript('{salutation}，{name}的车', values)).toBe(
      '宏图贸易 李经理，惠州市宏图贸易有限公司的车',
    );
  });
});
