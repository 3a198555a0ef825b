import { Link } from "react-router";

/** An offer as the reviewer's home lists it: nothing beyond what may be known before the attestation. */
export interface ReviewOfferRow {
  id: string;
  link: string;
  reference: string;
  track: string;
  disputeType: string | null;
  specialty: string | null;
  answerBy: string | null;
  lapsed: boolean;
}

/** The offers waiting for the reviewer's answer, each linking to the page where they accept or decline. */
export function ReviewOffers({ offers }: { offers: readonly ReviewOfferRow[] }) {
  if (offers.length === 0) {
    return (
      <div className="empty-state">
        <p style={{ margin: 0 }}>No offers right now. When a coordinator offers you a case, it appears here and you are emailed.</p>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {offers.length} {offers.length === 1 ? "offer" : "offers"} to answer
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Specialty needed</th>
            <th scope="col">Track</th>
            <th scope="col">Type of dispute</th>
            <th scope="col">Answer by</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((offer) => (
            <tr key={offer.id}>
              <td>
                <Link to={offer.link}>Answer the offer of {offer.reference}</Link>
              </td>
              <td>{offer.specialty ?? "Not recorded"}</td>
              <td>{offer.track === "Expedited" ? <strong>Expedited</strong> : offer.track}</td>
              <td>{offer.disputeType ?? "Not recorded"}</td>
              <td>{offer.lapsed ? <span className="badge badge--danger">Time to answer has passed</span> : (offer.answerBy ?? "No time limit")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
