import { Link } from "react-router";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";

/** An offer as the reviewer's home lists it: nothing beyond what may be known before the attestation. */
export interface ReviewOfferRow {
  id: string;
  link: string;
  reference: string;
  track: string;
  disputeType: string | null;
  specialty: string | null;
  answerBy: Date | null;
  /** "2 days left", while the offer runs */
  timeLeft: string | null;
  lapsed: boolean;
}

/** The offers waiting for the reviewer's answer, each linking to the page where they accept or decline. */
export function ReviewOffers({ offers }: { offers: readonly ReviewOfferRow[] }) {
  return (
    <DataTable
      caption={`${offers.length} ${offers.length === 1 ? "offer" : "offers"} to answer`}
      rows={offers}
      rowKey={(offer) => offer.id}
      empty={<p className="empty-state">No offers right now. When a coordinator offers you a case, it appears here and you are emailed.</p>}
      columns={[
        { header: "Case", cell: (offer) => <Link to={offer.link}>Answer the offer of {offer.reference}</Link> },
        { header: "Specialty needed", cell: (offer) => offer.specialty ?? "Not recorded" },
        { header: "Track", cell: (offer) => (offer.track === "Expedited" ? <strong>Expedited</strong> : offer.track) },
        { header: "Type of dispute", cell: (offer) => offer.disputeType ?? "Not recorded" },
        {
          header: "Answer by",
          cell: (offer) =>
            offer.lapsed ? (
              <span className="badge badge--danger">Time to answer has passed</span>
            ) : offer.answerBy ? (
              <>
                <Instant at={offer.answerBy} style="table" /> ({offer.timeLeft})
              </>
            ) : (
              "No time limit"
            ),
        },
      ]}
    />
  );
}
