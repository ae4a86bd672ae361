-- Call-back rules from DOMAIN.md ("The call-back queue"); managers edit them in Settings.
-- Placeholders in scripts: {name} {title} {model} {plate} {mileage} {deliveryDate} {visitDate} {advisor} {store}.
INSERT INTO callback_rules (code, name, enabled, offset_days, window_days, priority, script, expiry_days, max_attempts, consent_purpose, params) VALUES
  ('delivery_3d', '交车3天回访', 1, 3, 7, 2, '{name}{title}您好，我是{store}客服。您的{model}（{plate}）提车已经3天了，用车还顺利吗？各项功能和操作是否都清楚？磨合期2000公里内建议车速不超过100公里/小时。', 15, 3, 'service', '{}'),
  ('delivery_7d', '交车7天回访', 1, 7, 7, 3, '{name}{title}您好，提车一周了，目前行驶了多少公里？车牌办好了吗？首次保养在3000公里或3个月时进行，到时我们会提醒您。如身边朋友有购车需要，欢迎推荐给我们。', 15, 3, 'service', '{}'),
  ('delivery_1m', '交车1个月回访', 1, 30, 10, 3, '{name}{title}您好，您的{model}提车一个月了，用车过程中有没有遇到问题？对我们的销售服务还满意吗？', 20, 3, 'care', '{}'),
  ('delivery_3m', '交车3个月回访', 1, 90, 14, 4, '{name}{title}您好，您的{model}提车三个月了，车辆使用还满意吗？有任何问题随时联系我们。', 20, 3, 'care', '{}'),
  ('first_maintenance', '首保提醒', 1, -7, 14, 2, '{name}{title}您好，您的{model}（{plate}）即将到首保时间（3000公里或交车3个月），当前约{mileage}公里。请问方便哪天来店保养？我帮您预约。', 30, 4, 'service', '{"km":3000,"months":3,"remindDaysBefore":7}'),
  ('regular_maintenance', '定期保养提醒', 1, -7, 14, 3, '{name}{title}您好，根据您{model}的行驶情况，预计近期需要进行常规保养（上次进站{visitDate}，估算当前约{mileage}公里）。请问需要帮您预约吗？', 30, 4, 'service', '{"intervalKm":7500,"intervalMonths":6,"defaultKmPerDay":40}'),
  ('service_csi', '售后满意度回访', 1, 1, 3, 1, '{name}{title}您好，感谢您{visitDate}到店保养/维修，服务顾问{advisor}。想占用您一分钟做个满意度回访：对本次服务总体满意吗？', 15, 3, 'service', '{}'),
  ('sales_csi', '销售满意度回访', 1, 1, 3, 1, '{name}{title}您好，恭喜您提车！想请您对本次购车体验做个评价：对销售顾问的服务总体满意吗？', 15, 3, 'service', '{}'),
  ('birthday', '生日关怀', 1, 0, 3, 4, '{name}{title}您好，今天是您的生日，{store}全体员工祝您生日快乐！', 7, 2, 'care', '{}'),
  ('purchase_anniversary', '购车周年关怀', 1, 0, 7, 4, '{name}{title}您好，您的{model}到今天已经陪伴您一周年（或更多）了，感谢您对我们的信任！', 14, 2, 'care', '{}'),
  ('quarterly_care', '季度关怀', 1, 0, 30, 5, '{name}{title}您好，我是{store}客服，季度例行关怀回访：您的{model}最近使用情况如何？有什么需要我们帮助的吗？', 30, 2, 'care', '{"months":3}'),
  ('churn_risk', '流失挽回', 1, 0, 30, 2, '{name}{title}您好，好久没见您来店了（上次进站{visitDate}）。最近车辆状况怎么样？我们近期有保养优惠，欢迎回店。', 30, 3, 'marketing', '{"noVisitMonths":12,"missedIntervals":2}'),
  ('lost_prospect', '战败客户再跟进', 1, 0, 30, 4, '{name}{title}您好，之前您在我们店看过车，想了解一下您最后的选择和原因，我们最近也有新的购车政策，看看是否能帮到您。', 30, 2, 'marketing', '{"everyMonths":3}'),
  ('insurance_renewal', '续保提醒', 1, -30, 14, 2, '{name}{title}您好，您的{model}（{plate}）车险将于近期到期，我们可以为您提供续保报价，请问方便了解一下吗？', 30, 3, 'service', '{}'),
  ('dissatisfied_followup', '不满意跟进（客服经理）', 1, 0, 1, 1, '客户在满意度回访中表示不满意，请在24小时内致电了解原因并跟进处理，必要时转投诉工单。', 7, 5, 'service', '{}');
--> statement-breakpoint
INSERT INTO callback_outcome_settings (outcome, recycle_minutes, counts_attempt, closes_task) VALUES
  ('reached', 0, 1, 1),
  ('no_answer', 240, 1, 0),
  ('busy', 60, 1, 0),
  ('wrong_number', 0, 1, 1),
  ('refused', 0, 1, 1),
  ('do_not_call', 0, 1, 1),
  ('appointment', 0, 1, 1),
  ('call_back_at', 0, 0, 0),
  ('complaint', 0, 1, 1);
