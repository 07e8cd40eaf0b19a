import { z } from 'zod';
import { labelRuleParams } from '../../../shared/labeling/label-set';
import { defineJob } from '../jobs/job-definition';
import { facePassOf } from './face-pass';
import { LabelService } from './label-service';

/** Saves a label set as a job (the demo pipeline's label stage; the UI and CLI save directly). */
export const labelsCreateJob = defineJob({
  kind: 'labels.create',
  lane: 'io',
  unit: 'label sets',
  description: 'Label the population with a rule and save it as a label set.',
  params: labelRuleParams.extend({
    name: z.string().trim().min(1).max(200).default('label set'),
    /** Return the newest version of `name` instead of saving a copy when it labels the same posts the same way. */
    reuseIdentical: z.boolean().default(false),
  }),
  title: (params) => `Label posts: ${params.name}`,
  run: async ({ params, project, progress }) => {
    progress({ done: 0, total: 1 });
    const { name, reuseIdentical, ...rule } = params;
    const summary = await new LabelService(project, () => facePassOf(project)).save(name, rule, { reuseIdentical });
    progress({ done: 1, total: 1 });
    return summary;
  },
});
