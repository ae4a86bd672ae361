-- 积分到期关怀: a care call when a member's points are about to expire (created by the loyalty daily pass, due as
-- the points enter the member settings' notice window; offset and window are not read for this rule).
INSERT INTO callback_rules (code, name, enabled, offset_days, window_days, priority, script, expiry_days, max_attempts, consent_purpose, params) VALUES
  ('points_expiry', '积分到期关怀', 1, 0, 0, 3, '{name}{title}您好，我是{store}客服。提醒您一下：您在我店的会员积分中有 {points} 分将于 {expiryDate}到期，到期后会自动清零。您可以在到店保养时使用，或在前台兑换礼品和服务券。需要帮您预约到店吗？', 30, 2, 'care', '{}');
