import { Link } from "react-router";
import type { Route } from "./+types/index";
import { ActiveReviews } from "~/components/determination/active-reviews";
import { ReviewOffers } from "~/components/review-offers";
import { reviewerOffers } from "~/server/assignment/offer-page.server";
import { activeReviews, decidedReviews } from "~/server/determinations/active-reviews.server";
import { reviewerHome } from "~/server/reviewers/reviewer-home.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "My reviews | Independent Medical Review" }];
}

export async function loader({ context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const [home, active, decided, offers] = await Promise.all([reviewerHome(user.id), activeReviews(user.id), decidedReviews(user.id), reviewerOffers(user.id)]);
  return { ...home, active, decided, offers };
}

export default function ReviewerHome({ loaderData }: Route.ComponentProps) {
  const { profile, offers, active, decided } = loaderData;
  return (
    <>
      <h1>My reviews</h1>
      {profile ? (
        <p className="lead">
          {profile.primarySpecialty}. {profile.credentials}.
        </p>
      ) : null}
      <p>
        <Link to="/review/profile">Your availability and affiliations</Link>: keep them up to date so you are only offered cases you can take.
      </p>
      <h2>Offers waiting for your answer</h2>
      <ReviewOffers offers={offers} />
      <h2>Cases you are reviewing</h2>
      <ActiveReviews reviews={active} />
      <h2>Decided cases</h2>
      {decided.length ? (
        <>
          <p>Your determination and the decision letter stay open to you; the case file does not.</p>
          <ul>
            {decided.map((kase) => (
              <li key={kase.caseId}>
                <Link to={`/review/cases/${kase.caseId}`}>{kase.reference}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">None yet.</p>
      )}
    </>
  );
}
