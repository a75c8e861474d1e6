// The triage model as this instance applies it right now. Like LiveOrg, one per running
// server, shared BY REFERENCE by every context made from it, so a deployment reaches the
// routes, the leader's ingestion and the review band by one assignment. Installs are keyed
// on the deployment's id (the registry's append-only history): a late notification of an
// older deployment never undoes a newer one.
import type { TriageModel } from '../../shared/triage-model'

export interface DeployedModel {
  /** triage_model_deployments.id of this deployment (0: none yet, or not from the registry). */
  readonly deployment: number
  /** The registry version (null: no version deployed, or a model given directly). */
  readonly version: number | null
  readonly model: TriageModel | null
}

export class LiveModel {
  private deployed: DeployedModel

  constructor(model: TriageModel | null = null) {
    this.deployed = { deployment: 0, version: null, model }
  }

  current(): DeployedModel {
    return this.deployed
  }

  /** The model triage uses now (null: the rules decide alone). */
  get model(): TriageModel | null {
    return this.deployed.model
  }

  /** Swaps in a newer deployment; returns whether it was installed. */
  install(deployment: number, version: number, model: TriageModel): boolean {
    if (deployment <= this.deployed.deployment) return false
    this.deployed = { deployment, version, model }
    return true
  }
}
