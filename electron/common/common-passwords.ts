/**
 * Passwords too common to allow (the one home of this list): the top of published leak lists, Chinese
 * favourites (woaini1314, 5201314…), keyboard walks, and the obvious ones for this app. Only entries of
 * 8 characters or more matter, shorter ones already fail the length rule. Compared after NFKC and lower-
 * casing, so "PassWord" and full-width "１２３４５６７８" are caught too.
 */
// One entry per phrase, packed: a long list one-per-line would dwarf the rule it serves.
// prettier-ignore
export const commonPasswords: ReadonlySet<string> = new Set([
  '00000000', '11111111', '22222222', '33333333', '44444444', '55555555', '66666666', '77777777', '88888888',
  '99999999', '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '12341234',
  '11223344', '12121212', '123123123', '123321123', '112233445566', '147258369', '159357456', '741852963',
  '147852369', '123456abc', '123456aa', '12345678a', '123456789a', 'a12345678', 'a123456789', 'aa123456',
  'aa12345678', 'abc12345', 'abc123456', 'abcd1234', '1234abcd', 'abcdefgh', 'abcabcabc', 'a1b2c3d4',
  'aaaaaaaa', 'qq123456', 'qq12345678', 'qwer1234', '1234qwer', 'qwe12345', 'qwe123456', '123qwe123',
  'qwerty12', 'qwerty123', 'qwertyui', 'qwertyuiop', 'asdf1234', 'asdfghjk', 'asdfghjkl', 'zxcv1234',
  'zxcvbnm1', 'zxcvbnm123', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'q1w2e3r4t5', '1qaz2wsx', '1qaz@wsx',
  '!qaz2wsx', '1qazxsw2', 'zaq12wsx', 'qazwsxedc', 'qaz123456', 'password', 'password1', 'password12',
  'password123', 'password!', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass1234', 'pass12345', 'mima1234',
  'mima123456', 'wodemima', 'iloveyou', 'iloveyou1', 'woaini1314', 'woaini520', 'woaini123', 'woaiwojia',
  '5201314520', '52013140', '13145200', '13141314', 'zhongguo', 'zhang123', 'wang1234', 'li123456',
  'admin123', 'admin888', 'admin1234', 'admin12345', 'admin@123', 'administrator', 'root1234', 'root12345',
  'test1234', 'test12345', 'user1234', 'guest123', 'welcome1', 'welcome123', 'changeme', 'letmein1',
  'sunshine', 'princess', 'football', 'baseball', 'superman', 'trustno1', 'monkey123', 'dragon123',
  'master123', 'shadow123', 'computer', 'internet', 'dealer123', 'dealercrm', 'crm12345', 'crm123456',
  '4s123456', 'huifang123', 'kefu1234', 'kefu123456', 'xiaoshou123', 'shouhou123', '19491001', '20080808',
]);
