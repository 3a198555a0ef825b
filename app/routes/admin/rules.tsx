import { Link, useSearchParams } from "react-router";
import { Notice } from "~/components/forms";
import type { Route } from "./+types/rules";
import { listRuleProfiles, type RuleVersionStatus } from "~/server/rules/rule-versions.server";

export function meta() {
  return [{ title: "Rule profiles | Independent Medical Review" }];
}

export async function loader() {
  return { profiles: await listRuleProfiles() };
}

const STATUS: Record<RuleVersionStatus, { text: string; className: string }> = {
  in_force: { text: "In force today", className: "badge badge--ok" },
  scheduled: { text: "Scheduled", className: "badge badge--warn" },
  superseded: { text: "Replaced", className: "badge" },
};

export default function RuleProfiles({ loaderData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const created = searchParams.get("created");
  const createdIn = loaderData.profiles.find((profile) => profile.code === searchParams.get("profile"));
  return (
    <>
      <h1>Rule profiles</h1>
      <p className="lead">The time limits of each jurisdiction, as the deadlines of cases are counted from them.</p>
      <p>
        A case keeps the version that was in force when it was filed, so a saved version is never changed. To change a rule, create a new version with the date
        it takes effect.
      </p>
      {created && createdIn ? (
        <Notice tone="success">
          Version {created} of the {createdIn.name} rules is saved. Cases filed from its effective date follow it.
        </Notice>
      ) : null}
      {loaderData.profiles.map((profile) => (
        <section key={profile.code} aria-labelledby={`profile-${profile.code}`}>
          <h2 id={`profile-${profile.code}`}>{profile.name}</h2>
          <p>
            <Link to={`/admin/rules/${profile.code}/new`} className="button button--secondary">
              Create a new version<span className="visually-hidden"> of the {profile.name} rules</span>
            </Link>
          </p>
          <div className="table-wrap">
            <table>
              <caption>{profile.name}: every version, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  {profile.versions.map((version) => (
                    <th scope="col" key={version.id}>
                      Version {version.version}
                      <br />
                      <span className={STATUS[version.status].className}>{STATUS[version.status].text}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">In force from</th>
                  {profile.versions.map((version) => (
                    <td key={version.id}>{version.effective}</td>
                  ))}
                </tr>
                {profile.versions[0]?.rules.map((rule, index) => (
                  <tr key={rule.key}>
                    <th scope="row">{rule.label}</th>
                    {profile.versions.map((version) => (
                      <td key={version.id}>{version.rules[index]?.text}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Regulator</th>
                  {profile.versions.map((version) => (
                    <td key={version.id}>
                      {version.regulatorName}
                      <br />
                      <span className="muted">{version.regulatorContact}</span>
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Cases filed under it</th>
                  {profile.versions.map((version) => (
                    <td key={version.id}>{version.casesFiled}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
