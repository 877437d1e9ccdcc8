/** Facts about this installation kept in the system_state table, by key. */

/** `demo_loaded`: when the demo accounts and data were loaded, and which accounts were made. */
export interface DemoLoadedState {
  at: string;
  accounts: string[];
}

/** The value column of system_state (one shape per key; only `demo_loaded` so far). */
export type SystemStateValue = DemoLoadedState;
