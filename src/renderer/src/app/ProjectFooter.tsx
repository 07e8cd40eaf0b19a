import type { ProjectSummary } from '../../../shared/project/project-types';

/** The open project's folder at the foot of the sidebar: where every record of this study lives. */
export function ProjectFooter({ project }: { project: ProjectSummary }) {
  const created = new Date(project.createdAt);
  return (
    <div className="sidebar__footer">
      <span className="sidebar__footer-label">Project folder</span>
      <code className="sidebar__footer-path" title={project.dir}>
        {project.dir}
      </code>
      <span className="sidebar__footer-meta">
        schema v{project.schemaVersion}
        {Number.isNaN(created.getTime()) ? '' : ` · created ${created.toLocaleDateString('en-US', { dateStyle: 'medium' })}`}
      </span>
    </div>
  );
}
