import { Link } from 'react-router-dom';

/** The customer's name, opening their card. */
export function CustomerLink({ id, name }: { id: number; name: string }) {
  return (
    <Link to={`/customers/${id}`} className="customer-link" title={name}>
      {name}
    </Link>
  );
}
