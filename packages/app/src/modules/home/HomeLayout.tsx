import { Fragment } from 'react';
import { Content } from '@backstage/core-components';
import { CustomHomepageGrid } from '@backstage/plugin-home';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';

/**
 * Grid columns per breakpoint of the content width. The default (`md: 10`) re-flows a
 * 6 + 6 column row at content widths of 960–1279 px (a 1280–1440 px window with the
 * sidebar), pushing the right widget down and leaving a hole beside the left one. Twelve
 * columns from `md` up keep the configured rows; below `md` every widget takes the whole
 * width, one under the other.
 */
export const homeGridColumns = {
  xl: 12,
  lg: 12,
  md: 12,
  sm: 1,
  xs: 1,
  xxs: 1,
} as const;

/** The content widths (px) at which {@link homeGridColumns} switch. */
export const homeGridBreakpoints = {
  xl: 1920,
  lg: 1280,
  md: 960,
  sm: 600,
  xs: 0,
  xxs: 0,
} as const;

/**
 * The home page: the configured widgets (`app.extensions[page:home].config.defaultConfig`)
 * on the customisable grid, with {@link homeGridColumns} so the widgets of a row stay side
 * by side at every laptop and desktop width.
 */
export function HomeLayout(props: HomePageLayoutProps) {
  const { widgets, defaultConfig } = props;
  const config = defaultConfig?.map(item => ({
    component: item.component,
    x: item.column,
    y: item.row,
    width: item.width,
    height: item.height,
    movable: item.movable,
    deletable: item.deletable,
    resizable: item.resizable,
  }));
  return (
    <Content>
      <CustomHomepageGrid
        config={config}
        cols={homeGridColumns}
        breakpoints={homeGridBreakpoints}
      >
        {widgets.map((widget, index) => (
          <Fragment key={widget.name ?? index}>{widget.component}</Fragment>
        ))}
      </CustomHomepageGrid>
    </Content>
  );
}
