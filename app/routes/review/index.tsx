import type { Route } from "./+types/index";
import { reviewerHome } from "~/server/reviewers/reviewer-home.server";
import { requireRole } from "~/server/session.server";

export function meta() {
  return [{ title: "My reviews | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "REVIEWER");
  return reviewerHome(user.id);
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default function ReviewerHome({ loaderData }: Route.ComponentProps) {
  const { profile, offers, active } = loaderData;
  return (
    <>
      <h1>My reviews</h1>
      {profile ? (
        <p className="lead">
          {profile.primarySpecialty}. {profile.credentials}.
        </p>
      ) : null}
      <h2>Offers waiting for your answer</h2>
      {offers.length ? (
        <ul>
          {offers.map((offer) => (
            <li key={offer.id}>
              {offer.case.reference}, {offer.case.track === "EXPEDITED" ? "expedited" : "standard"}, offered{" "}
              {dateFormat.format(new Date(offer.offeredAt))}
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state">
          <p style={{ margin: 0 }}>No offers right now. When a coordinator offers you a case, it appears here and you are emailed.</p>
        </div>
      )}
      <h2>Cases you are reviewing</h2>
      {active.length ? (
        <ul>
          {active.map((assignment) => (
            <li key={assignment.id}>
              {assignment.case.reference}, {assignment.case.track === "EXPEDITED" ? "expedited" : "standard"}
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state">
          <p style={{ margin: 0 }}>You are not reviewing any case at the moment.</p>
        </div>
      )}
    </>
  );
}
