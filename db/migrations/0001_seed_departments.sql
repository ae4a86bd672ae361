-- The departments complaint tickets are routed to (DOMAIN.md); admins can rename them later.
INSERT INTO departments (code, name) VALUES
  ('sales', '销售部'),
  ('service', '售后部'),
  ('customer_care', '客服部'),
  ('finance', '财务部'),
  ('marketing', '市场部'),
  ('admin', '行政部');
