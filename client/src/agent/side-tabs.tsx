// The workspace's side panels as ARIA tabs: one shown at a time (the others stay mounted, hidden, keeping their state), arrow keys (and Home / End) move between the tabs.
import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface SideTab<Id extends string> {
  id: Id;
  label: string;
  content: ReactNode;
}

export interface SideTabsProps<Id extends string> {
  label: string;
  tabs: ReadonlyArray<SideTab<Id>>;
  selected: Id;
  onSelect: (id: Id) => void;
}

export function SideTabs<Id extends string>({ label, tabs, selected, onSelect }: SideTabsProps<Id>) {
  const prefix = useId();
  const tabId = (id: string) => `${prefix}-tab-${id}`;
  const panelId = (id: string) => `${prefix}-panel-${id}`;
  const shown = tabs.find((tab) => tab.id === selected) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === shown?.id);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };

  return (
    <div className="side-tabs">
      <div role="tablist" aria-label={label} aria-orientation="horizontal" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            aria-selected={tab.id === shown?.id}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === shown?.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={panelId(tab.id)} aria-labelledby={tabId(tab.id)} tabIndex={0} hidden={tab.id !== shown?.id} className="side-panel">
          {tab.content}
        </div>
      ))}
    </div>
  );
}
