import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StagedRender, useLaterPart } from '../../../src/app/staged';

function Screen() {
  const later = useLaterPart();
  return (
    <div>
      <p>first</p>
      {later && <p>later</p>}
    </div>
  );
}

afterEach(() => document.body.replaceChildren());

describe('the first screen in two tasks', () => {
  it('renders everything at once where staging is off (tests, screens after the first)', () => {
    render(<Screen />);
    expect(screen.getByText('later')).toBeTruthy();
  });

  it('renders the later part one task after the first render, once per page', async () => {
    const { unmount } = render(
      <StagedRender.Provider value={true}>
        <Screen />
      </StagedRender.Provider>,
    );
    expect(screen.getByText('first')).toBeTruthy();
    expect(screen.queryByText('later')).toBeNull();
    expect(await screen.findByText('later')).toBeTruthy();
    unmount();
    // Coming back to the start page later: nothing is held back any more.
    render(
      <StagedRender.Provider value={true}>
        <Screen />
      </StagedRender.Provider>,
    );
    expect(screen.getByText('later')).toBeTruthy();
  });
});
