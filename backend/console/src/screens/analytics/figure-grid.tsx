import { Col, Row } from 'antd';
import { Children, type ReactNode } from 'react';

/** Figure cards in a responsive grid: four across on a desktop, two on a narrow window. */
export function FigureGrid({ children }: { children: ReactNode }) {
  return (
    <Row gutter={[16, 16]}>
      {Children.map(children, (card) => (
        <Col xs={12} lg={6}>
          {card}
        </Col>
      ))}
    </Row>
  );
}
