// A list of problems or warnings with the field or file each is about, as the server words them.
export function ProblemList({ problems }: { problems: ReadonlyArray<{ path: string; message: string }> }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${index}`}>
          {problem.path && <code>{problem.path}</code>} {problem.message}
        </li>
      ))}
    </ul>
  );
}
